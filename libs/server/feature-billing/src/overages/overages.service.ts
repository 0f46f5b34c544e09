import { Injectable } from '@nestjs/common';
import { OverageEntity } from '@fleet/server/persistence';
import { type ListQuery, type ListResult, type ListSpec, ReadService } from '@fleet/server/platform';
import { OveragesStore } from './overages.store';
import type { OverageDto } from '@fleet/shared/contracts';

export type { OverageDto };

export const OVERAGE_LIST: ListSpec = {
  resource: 'overages',
  sortable: ['id', 'simId', 'period', 'version', 'category', 'excess', 'amountFen', 'payer'],
  defaultSort: ['id', 'DESC'],
  filters: {
    period: { property: 'period', type: 'string' },
    simId: { property: 'simId', type: 'int' },
    category: { property: 'category', type: 'string' },
    payer: { property: 'payer', type: 'string' },
    version: { property: 'version', type: 'int' },
  },
};

/**
 * The SIMs' overages as each close computed them. Without a version filter (or ids) a list holds only
 * the latest close of each month: earlier closes stay for the record but are no longer in force.
 */
@Injectable()
export class OveragesService extends ReadService<OverageEntity, OverageDto> {
  constructor(private readonly store: OveragesStore) {
    super(store.dataSource, OverageEntity, OVERAGE_LIST);
  }

  protected toDto(o: OverageEntity): OverageDto {
    return {
      id: o.id,
      simId: o.simId,
      period: o.period,
      version: o.version,
      category: o.category,
      used: o.used,
      allowance: o.allowance,
      excess: o.excess,
      chargedUnits: o.chargedUnits,
      amountFen: o.amountFen,
      payer: o.payer,
    };
  }

  override async list(query: ListQuery): Promise<ListResult<OverageDto>> {
    const versioned = query.filters.some((f) => f.spec.property === 'version');
    // Without a version asked for (or ids), the latest close's only.
    const page = await this.store.list(OVERAGE_LIST.resource, query, !versioned && !query.ids);
    return page.map((o) => this.toDto(o));
  }
}
