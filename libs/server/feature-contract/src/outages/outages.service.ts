import { Injectable } from '@nestjs/common';
import type { OutageDto } from '@fleet/shared/contracts';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OutageEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  type ListSpec,
  type LocalizedFieldError,
  ReadService,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { LedgerStore } from '../shared/ledger.store';
import { OutageStore } from './outage.store';
import type { OutageBody, OutageUpdateBody, OutageVoidBody } from './outage.dto';

export const OUTAGE_LIST: ListSpec = {
  resource: 'outages',
  sortable: ['id', 'startAt', 'endAt', 'cause', 'scope'],
  defaultSort: ['startAt', 'DESC'],
  filters: {
    contractId: { property: 'contractId', type: 'int' },
    cause: { property: 'cause', type: 'string' },
    scope: { property: 'scope', type: 'string' },
    from: { property: 'endAt', type: 'moment', op: 'gte' },
    to: { property: 'startAt', type: 'moment', op: 'lte' },
  },
  search: ['note'],
};

export function outageDto(o: OutageEntity): OutageDto {
  return {
    id: o.id,
    contractId: o.contractId,
    startAt: o.startAt.toISOString(),
    endAt: o.endAt.toISOString(),
    cause: o.cause,
    scope: o.scope,
    simIds: o.simIds,
    note: o.note,
    voidedAt: o.voidedAt?.toISOString() ?? null,
    voidReason: o.voidReason,
  };
}

/** Outages (中断) with cause and SIMs: admins record, correct and void them (with a reason), all audited. */
@Injectable()
export class OutagesService extends ReadService<OutageEntity, OutageDto> {
  constructor(
    private readonly store: LedgerStore,
    private readonly outages: OutageStore,
    private readonly inventory: InventoryLookupReader,
    private readonly audit: AuditService,
  ) {
    super(outages.dataSource, OutageEntity, OUTAGE_LIST);
  }

  protected toDto(row: OutageEntity): OutageDto {
    return outageDto(row);
  }

  async create(body: OutageBody, actor: Actor): Promise<OutageDto> {
    return this.outages.transaction(async (manager) => {
      const contract = await this.store.contract(body.contractId, manager);
      const values = {
        ...body,
        contractId: contract.id,
        startAt: new Date(body.startAt),
        endAt: new Date(body.endAt),
      };
      const entity = this.outages.build(manager, {
        ...values,
        simIds: values.scope === 'all' ? [] : (values.simIds ?? []),
        note: values.note ?? null,
        createdByUserId: actor.userId,
      });
      await this.check(manager, entity, body.simIds);
      const saved = await this.outages.save(manager, entity);
      const after = outageDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'outages',
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  async update(id: number, body: OutageUpdateBody, actor: Actor): Promise<OutageDto> {
    return this.outages.transaction(async (manager) => {
      const existing = await this.load(manager, id, true);
      this.refuseVoided(existing);
      const before = outageDto(existing);
      const { id: _id, contractId: _contract, startAt, endAt, ...rest } = body;
      const merged = this.outages.merge(manager, existing, {
        ...rest,
        ...(startAt ? { startAt: new Date(startAt) } : {}),
        ...(endAt ? { endAt: new Date(endAt) } : {}),
      });
      if (merged.scope === 'all' && body.simIds === undefined) merged.simIds = [];
      await this.check(manager, merged, merged.scope === 'all' ? body.simIds : merged.simIds);
      const after = outageDto(await this.outages.save(manager, merged));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'outages',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  async void(id: number, body: OutageVoidBody, actor: Actor, now: Date): Promise<OutageDto> {
    return this.outages.transaction(async (manager) => {
      const existing = await this.load(manager, id, true);
      this.refuseVoided(existing);
      const before = outageDto(existing);
      existing.voidedAt = now;
      existing.voidReason = body.reason;
      existing.voidedByUserId = actor.userId;
      const after = outageDto(await this.outages.save(manager, existing));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'outages',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  private refuseVoided(outage: OutageEntity): void {
    if (outage.voidedAt) {
      throw ApiException.conflict({
        zh: `该中断记录已作废（${outage.voidReason}），不能再修改`,
        en: `The outage was voided (${outage.voidReason}) and can no longer change`,
      });
    }
  }

  /** End after start; scope sims needs SIMs that exist; scope all takes no list. Each error names its field. */
  private async check(
    manager: EntityManager,
    o: OutageEntity,
    sentSimIds: number[] | undefined,
  ): Promise<void> {
    const errors: LocalizedFieldError[] = [];
    if (o.endAt.getTime() <= o.startAt.getTime()) {
      errors.push({
        field: 'endAt',
        reason: { zh: '结束时间必须晚于开始时间', en: 'must be after the start' },
      });
    }
    if (o.scope === 'sims') {
      const ids = [...new Set(o.simIds)];
      if (!ids.length) {
        errors.push({
          field: 'simIds',
          reason: {
            zh: '范围为「指定号卡」时至少列出一张号卡',
            en: 'must list at least one SIM when the scope is sims',
          },
        });
      } else {
        const found = await this.inventory.existingSimIds(ids, manager);
        const unknown = ids.filter((id) => !found.has(id));
        if (unknown.length) {
          errors.push({
            field: 'simIds',
            reason: { zh: `号卡不存在：${unknown.join('、')}`, en: `no such SIM: ${unknown.join(', ')}` },
          });
        }
      }
      o.simIds = ids.sort((a, b) => a - b);
    } else if (sentSimIds?.length) {
      errors.push({
        field: 'simIds',
        reason: { zh: '范围为「全部号卡」时不能再列出号卡', en: 'must be empty when the scope is all' },
      });
    }
    if (errors.length) throw ApiException.badRequest(errors);
  }
}
