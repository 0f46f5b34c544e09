import { Injectable } from '@nestjs/common';
import { totalFen } from '@fleet/domain/billing';
import type { ClosePreviewDto } from '@fleet/shared/contracts';
import { parsePeriod } from '../period.dto';
import { PeriodsStore } from '../periods.store';
import { MonthCharges } from './month-charges';

/**
 * What a close would do now, computed exactly as the close computes it (same reads, same rules), with
 * nothing written: the statements it would issue, and the month's totals after it.
 */
@Injectable()
export class PreviewCloseUseCase {
  constructor(
    private readonly store: PeriodsStore,
    private readonly month: MonthCharges,
  ) {}

  async execute(period: string): Promise<ClosePreviewDto> {
    parsePeriod(period);
    const manager = this.store.manager;
    const row = await this.store.find({ period });
    const { computed, drafts } = await this.month.compute(manager, period);
    const pending = await this.month.pending(manager, period, drafts);
    const current = await this.store.currentStatements(manager, period);
    // The statements in force after the close: each holder's new lines, or their current statement.
    const after = new Map<number | null, number>([...current].map(([holder, s]) => [holder, s.totalFen]));
    for (const { holder, lines } of pending) after.set(holder, totalFen(lines));
    const pendingHolders = new Set(pending.map((p) => p.holder));
    const officerTotals = [...after].filter(([holder]) => holder !== null).map(([, fen]) => fen);
    return {
      period,
      status: row?.status ?? null,
      version: (row?.version ?? 0) + 1,
      statements: pending.length,
      amended: pending.filter((p) => p.previous).length,
      unchanged: [...current.keys()].filter((holder) => !pendingHolders.has(holder)).length,
      officers: officerTotals.length,
      officerTotalFen: officerTotals.reduce((sum, fen) => sum + fen, 0),
      bureauTotalFen: after.get(null) ?? 0,
      simsInPlan: computed.sims.length,
      simsOver: computed.sims.filter(({ overages }) => totalFen(overages) > 0).length,
      outOfPlanSims: computed.outOfPlanSimIds.length,
    };
  }
}
