import { Injectable } from '@nestjs/common';
import { totalFen } from '@fleet/domain/billing';
import { type Actor, ApiException, type ListQuery, type ListResult } from '@fleet/server/platform';
import type { PeriodDto, CloseResultDto, BillCheckDto, ClosePreviewDto } from '@fleet/shared/contracts';
import { parsePeriod, PERIOD_LIST, periodDto } from './period.dto';
import { PeriodsStore } from './periods.store';
import { UsageChargesService } from './usage-charges.service';
import { ClosePeriodUseCase } from './use-cases/close-period.use-case';
import { PreviewCloseUseCase } from './use-cases/preview-close.use-case';

export type { PeriodDto, CloseResultDto, BillCheckDto, ClosePreviewDto };
export { parsePeriod, PERIOD_LIST };

/**
 * Billing months: reading them, and closing one (issuing its statements; closing it again issues
 * amended ones where changed) through its use cases (use-cases/).
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly store: PeriodsStore,
    private readonly charges: UsageChargesService,
    private readonly closeMonth: ClosePeriodUseCase,
    private readonly previewClose: PreviewCloseUseCase,
  ) {}

  async list(query: ListQuery): Promise<ListResult<PeriodDto>> {
    const page = await this.store.list(PERIOD_LIST.resource, query);
    const current = await this.store.currentByPeriod(
      this.store.manager,
      page.items.map((p) => p.period),
    );
    return page.map((p) => periodDto(p, current.get(p.period)));
  }

  /** A month by its YYYY-MM or by its numeric id (react-admin's getOne). */
  async get(periodOrId: string): Promise<PeriodDto> {
    const byId = /^\d+$/.test(periodOrId);
    const found = await this.store.find(
      byId ? { id: Number(periodOrId) } : { period: parsePeriod(periodOrId) },
    );
    if (!found) throw ApiException.notFound('periods', periodOrId);
    return periodDto(found, await this.store.currentStatements(this.store.manager, found.period));
  }

  /** SIMs whose carrier overage charge (summary file) differs from ours, both in fen. */
  async billCheck(period: string): Promise<BillCheckDto[]> {
    const { sims } = await this.charges.overages(parsePeriod(period));
    return sims
      .filter(({ usage }) => usage.carrierOverageFen !== null)
      .map(({ usage, overages }) => {
        const ourFen = totalFen(overages);
        const carrierFen = usage.carrierOverageFen!;
        return {
          simId: usage.simId,
          msisdn: usage.msisdn,
          carrierFen,
          ourFen,
          differenceFen: carrierFen - ourFen,
        };
      })
      .filter((row) => row.differenceFen !== 0);
  }

  close(period: string, actor: Actor, now: Date): Promise<CloseResultDto> {
    return this.closeMonth.execute(period, actor, now);
  }

  preview(period: string): Promise<ClosePreviewDto> {
    return this.previewClose.execute(period);
  }
}
