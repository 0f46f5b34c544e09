import { Injectable } from '@nestjs/common';
import {
  addUsage,
  allowanceUses,
  periodOf,
  recentPeriods,
  topByAmount,
  totalFen,
  versionFor,
  ZERO_USAGE,
} from '@fleet/domain/billing';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { MonthlyUsageReader } from '@fleet/server/feature-usage';
import type { Actor } from '@fleet/server/platform';
import { UsageChargesService } from '../periods/usage-charges.service';
import type {
  DataMonthsDto,
  MyUsageDto,
  MyUsageHistoryDto,
  OverageSource,
  UsageDashboardDto,
} from './usage-views.dto';
import { UsageViewsStore } from './usage-views.store';

const TOP = 10;
const TREND_MONTHS = 12;
const HISTORY_MONTHS = 12;

/** Read-only views of a month's usage: an officer's own, and the fleet's for the dashboard. */
@Injectable()
export class UsageViewsService {
  constructor(
    private readonly store: UsageViewsStore,
    private readonly charges: UsageChargesService,
    private readonly inventory: InventoryLookupReader,
    private readonly usage: MonthlyUsageReader,
  ) {}

  /** The SIMs in the devices the officer holds now, whatever month is asked: their page is about today's phone. */
  async mine(actor: Actor, period: string | undefined, now: Date): Promise<MyUsageDto> {
    const month = period ?? periodOf(now);
    if (actor.officerId === null) return { period: month, sims: [] };
    const held = await this.inventory.heldSims(actor.officerId);
    if (!held.length) return { period: month, sims: [] };
    const months = new Map(
      (
        await this.charges.simMonths(
          this.store.manager,
          month,
          held.map((h) => h.simId),
        )
      ).map((m) => [m.simId, m]),
    );
    return {
      period: month,
      sims: held.map((h) => {
        const m = months.get(h.simId)!;
        return {
          simId: m.simId,
          msisdn: m.msisdn,
          deviceId: h.deviceId,
          slot: h.slot,
          inPlan: m.inPlan,
          categories: allowanceUses(m, m.allowance),
        };
      }),
    };
  }

  /**
   * Months with usage (usage's loose index scan over its totals: one index probe per month) or a billing
   * record, newest first.
   */
  async months(): Promise<DataMonthsDto> {
    const [withUsage, billed] = await Promise.all([this.usage.months(), this.store.months()]);
    return { months: [...new Set([...withUsage, ...billed])].sort().reverse() };
  }

  /**
   * The officer's usage per month over the 12 months ending with `period`, summed over the SIMs in the
   * devices they hold now (as `mine`): what their phone used, month by month. Zeros where nothing was used.
   */
  async mineHistory(actor: Actor, period: string | undefined, now: Date): Promise<MyUsageHistoryDto> {
    const month = period ?? periodOf(now);
    const periods = recentPeriods(month, HISTORY_MONTHS);
    const held = actor.officerId === null ? [] : await this.inventory.heldSims(actor.officerId);
    const rows = await this.usage.sums(
      held.map((h) => h.simId),
      periods,
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    return {
      period: month,
      months: periods.map((p) => {
        const r = byPeriod.get(p);
        return r
          ? {
              period: p,
              voiceMin: Number(r.voice_min),
              sms: Number(r.sms),
              nationalKb: Number(r.national_kb),
              apnKb: Number(r.apn_kb),
            }
          : { period: p, ...ZERO_USAGE };
      }),
    };
  }

  /** The month asked for; by default the latest month with data (a new month has none until its file). */
  async dashboard(period: string | undefined, now: Date): Promise<UsageDashboardDto> {
    const month = period ?? (await this.months()).months[0] ?? periodOf(now);
    const sims = await this.charges.simMonths(this.store.manager, month);
    const inPlan = sims.filter((s) => s.inPlan);
    const used = inPlan.reduce((sum, s) => addUsage(sum, s), ZERO_USAGE);
    const allowance = inPlan.reduce((sum, s) => addUsage(sum, s.allowance), ZERO_USAGE);
    const perSim = inPlan.map((s) => allowanceUses(s, s.allowance));
    const categories = allowanceUses(used, allowance).map((c, i) => ({
      category: c.category,
      used: c.used,
      allowance: c.allowance,
      remaining: c.remaining,
      simsOver: perSim.filter((uses) => uses[i].over).length,
    }));

    const trendPeriods = recentPeriods(month, TREND_MONTHS);
    const closed = await this.store.closedVersions(trendPeriods);
    const top = closed.has(month)
      ? await this.closedTop(month, closed.get(month)!)
      : await this.computedTop(month);
    return {
      period: month,
      closed: closed.has(month),
      sims: {
        inPlan: inPlan.length,
        withUsage: sims.filter((s) => s.hasUsage).length,
        outOfPlan: sims.filter((s) => s.hasUsage && !s.inPlan).length,
      },
      categories,
      top: top?.items ?? [],
      topSource: top ? (closed.has(month) ? 'closed' : 'computed') : null,
      trend: await this.trend(trendPeriods, closed),
    };
  }

  /** The SIMs with the largest overage at the month's latest close. */
  private async closedTop(period: string, version: number) {
    const rows = await this.store.closedOverages(period, version);
    const top = topByAmount(
      rows.map((r) => ({ id: r.sim_id, amountFen: Number(r.amount_fen) })),
      TOP,
    );
    const numbers = await this.inventory.msisdns(top.map((t) => t.id));
    return { items: top.map((t) => ({ simId: t.id, msisdn: numbers.get(t.id)!, amountFen: t.amountFen })) };
  }

  /** An open month's overages as a close would compute them now (nothing written); null without rules. */
  private async computedTop(period: string) {
    const computed = await this.computed(period);
    if (!computed) return null;
    return {
      items: this.top(
        computed.sims.map(({ usage, overages }) => ({
          simId: usage.simId,
          msisdn: usage.msisdn,
          amountFen: totalFen(overages),
        })),
      ),
    };
  }

  private top(items: { simId: number; msisdn: string; amountFen: number }[]) {
    return topByAmount(
      items.map((i) => ({ ...i, id: i.simId })),
      TOP,
    ).map(({ id: _id, ...item }) => item);
  }

  private async computed(period: string) {
    const rules = await this.store.rules();
    return versionFor(period, rules) ? this.charges.overages(period) : null;
  }

  /**
   * Total overage per month: a closed month's from its latest close; an open month with usage computed
   * now as a close would; an open month without usage is null (nothing to show, not zero).
   */
  private async trend(periods: string[], closed: Map<string, number>): Promise<UsageDashboardDto['trend']> {
    const closedTotals = await this.store.closedTotals([...closed.keys()]);
    const withUsage = await this.usage.withUsage(periods);
    const open = new Set(withUsage.filter((p) => !closed.has(p)));
    return Promise.all(
      periods.map(
        async (period): Promise<{ period: string; overageFen: number | null; source: OverageSource }> => {
          if (closed.has(period)) {
            const fen = closedTotals.find((t) => t.period === period)?.fen ?? '0';
            return { period, overageFen: Number(fen), source: 'closed' };
          }
          const computed = open.has(period) ? await this.computed(period) : null;
          if (!computed) return { period, overageFen: null, source: null };
          return {
            period,
            overageFen: totalFen(computed.sims.flatMap((s) => s.overages)),
            source: 'computed',
          };
        },
      ),
    );
  }
}
