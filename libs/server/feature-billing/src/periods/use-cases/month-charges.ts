import { Injectable } from '@nestjs/common';
import { statementDrafts } from '@fleet/domain/billing';
import { RepairChargesReader } from '@fleet/server/feature-repairs';
import type { EntityManager } from 'typeorm';
import { PeriodsStore, type PendingStatement } from '../periods.store';
import { type IssuedLine, repairLines, sameIssuedLines } from '../repair-charges';
import { UsageChargesService } from '../usage-charges.service';

/**
 * What a close of a month computes, shared by the close and its preview (nothing written): the month's
 * overages, each holder's statement lines (usage charges split by the attribution, and repair charges),
 * and the holders whose statement changes.
 */
@Injectable()
export class MonthCharges {
  constructor(
    private readonly store: PeriodsStore,
    private readonly charges: UsageChargesService,
    private readonly repairs: RepairChargesReader,
  ) {}

  /** The month's overages and each holder's statement lines, as a close computes them. */
  async compute(manager: EntityManager, period: string) {
    const computed = await this.charges.overages(period, manager);
    const drafts: Map<number | null, IssuedLine[]> = statementDrafts(
      await this.charges.charges(manager, period, computed.sims),
    );
    // Repairs closed in the month: the liable officer's own section, or the bureau's summary.
    for (const [holder, lines] of repairLines(await this.repairs.chargesOf(manager, period))) {
      drafts.set(holder, [...(drafts.get(holder) ?? []), ...lines]);
    }
    if (!drafts.has(null)) drafts.set(null, []);
    return { computed, drafts };
  }

  /** The holders a close issues a statement to: newly charged, or whose lines changed. */
  async pending(
    manager: EntityManager,
    period: string,
    drafts: Map<number | null, IssuedLine[]>,
  ): Promise<PendingStatement[]> {
    const current = await this.store.currentStatements(manager, period);
    const previousLines = await this.store.linesByStatement(manager, period);
    const holders = new Set<number | null>([...drafts.keys(), ...current.keys()]);
    const pending: PendingStatement[] = [];
    for (const holder of holders) {
      const lines = drafts.get(holder) ?? [];
      const previous = current.get(holder);
      if (previous) {
        if (sameIssuedLines(previousLines.get(previous.id) ?? [], lines)) continue;
      } else if (holder !== null && !lines.length) continue;
      pending.push({ holder, lines, previous });
    }
    return pending;
  }
}
