import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { BillingPeriodEntity, BillingRulesEntity } from '@fleet/server/persistence';
import type { Actor } from '@fleet/server/platform';
import { type DataSource, In } from 'typeorm';
import { UsageChargesService } from '../periods/usage-charges.service';
import type {
  DataMonthsDto,
  MyUsageDto,
  MyUsageHistoryDto,
  OverageSource,
  UsageDashboardDto,
} from './usage-views.dto';

const TOP = 10;
const TREND_MONTHS = 12;
const HISTORY_MONTHS = 12;

/** Read-only views of a month's usage: an officer's own, and the fleet's for the dashboard. */
@Injectable()
export class UsageViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charges: UsageChargesService,
  ) {}

  /** The SIMs in the devices the officer holds now, whatever month is asked: their page is about today's phone. */
  async mine(actor: Actor, period: string | undefined, now: Date): Promise<MyUsageDto> {
    const month = period ?? periodOf(now);
    if (actor.officerId === null) return { period: month, sims: [] };
    const held: { sim_id: number; device_id: number; slot: number | null }[] = await this.dataSource.query(
      `SELECT s.id AS sim_id, s.device_id, s.slot
         FROM sim_cards s JOIN devices d ON d.id = s.device_id
        WHERE d.current_officer_id = $1
        ORDER BY s.device_id, s.slot, s.id`,
      [actor.officerId],
    );
    if (!held.length) return { period: month, sims: [] };
    const months = new Map(
      (
        await this.charges.simMonths(
          this.dataSource.manager,
          month,
          held.map((h) => h.sim_id),
        )
      ).map((m) => [m.simId, m]),
    );
    return {
      period: month,
      sims: held.map((h) => {
        const m = months.get(h.sim_id)!;
        return {
          simId: m.simId,
          msisdn: m.msisdn,
          deviceId: h.device_id,
          slot: h.slot,
          inPlan: m.inPlan,
          categories: allowanceUses(m, m.allowance),
        };
      }),
    };
  }

  /**
   * Months with usage or a billing record, newest first. A loose index scan over monthly_usage(period):
   * one index probe per month, not a pass over every SIM's rows.
   */
  async months(): Promise<DataMonthsDto> {
    const rows: { period: string }[] = await this.dataSource.query(
      `WITH RECURSIVE m(period) AS (
         (SELECT period FROM monthly_usage ORDER BY period DESC LIMIT 1)
         UNION ALL
         SELECT (SELECT mu.period FROM monthly_usage mu WHERE mu.period < m.period
                  ORDER BY mu.period DESC LIMIT 1)
           FROM m WHERE m.period IS NOT NULL
       )
       SELECT period FROM m WHERE period IS NOT NULL
       UNION
       SELECT period FROM billing_periods
       ORDER BY period DESC`,
    );
    return { months: rows.map((r) => r.period) };
  }

  /**
   * The officer's usage per month over the 12 months ending with `period`, summed over the SIMs in the
   * devices they hold now (as `mine`): what their phone used, month by month. Zeros where nothing was used.
   */
  async mineHistory(actor: Actor, period: string | undefined, now: Date): Promise<MyUsageHistoryDto> {
    const month = period ?? periodOf(now);
    const periods = recentPeriods(month, HISTORY_MONTHS);
    const rows: { period: string; voice_min: string; sms: string; national_kb: string; apn_kb: string }[] =
      actor.officerId === null
        ? []
        : await this.dataSource.query(
            `SELECT u.period, sum(u.voice_min)::text AS voice_min, sum(u.sms)::text AS sms,
                    sum(u.national_kb)::text AS national_kb, sum(u.apn_kb)::text AS apn_kb
               FROM monthly_usage u
               JOIN sim_cards s ON s.id = u.sim_id
               JOIN devices d ON d.id = s.device_id
              WHERE d.current_officer_id = $1 AND u.period = ANY($2)
              GROUP BY u.period`,
            [actor.officerId, periods],
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
    const manager = this.dataSource.manager;
    const sims = await this.charges.simMonths(manager, month);
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
    const closed = new Map(
      (await manager.findBy(BillingPeriodEntity, { period: In(trendPeriods), status: 'closed' })).map((p) => [
        p.period,
        p.version,
      ]),
    );
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
    const rows: { sim_id: number; msisdn: string; amount_fen: string }[] = await this.dataSource.query(
      `SELECT o.sim_id, s.msisdn, sum(o.amount_fen)::text AS amount_fen
         FROM overages o JOIN sim_cards s ON s.id = o.sim_id
        WHERE o.period = $1 AND o.version = $2
        GROUP BY o.sim_id, s.msisdn`,
      [period, version],
    );
    return {
      items: this.top(
        rows.map((r) => ({ simId: r.sim_id, msisdn: r.msisdn, amountFen: Number(r.amount_fen) })),
      ),
    };
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
    const rules = await this.dataSource.manager.find(BillingRulesEntity);
    return versionFor(period, rules) ? this.charges.overages(period) : null;
  }

  /**
   * Total overage per month: a closed month's from its latest close; an open month with usage computed
   * now as a close would; an open month without usage is null (nothing to show, not zero).
   */
  private async trend(periods: string[], closed: Map<string, number>): Promise<UsageDashboardDto['trend']> {
    const closedTotals: { period: string; fen: string }[] = await this.dataSource.query(
      `SELECT o.period, sum(o.amount_fen)::text AS fen
         FROM overages o JOIN billing_periods bp ON bp.period = o.period AND bp.version = o.version
        WHERE o.period = ANY($1)
        GROUP BY o.period`,
      [[...closed.keys()]],
    );
    const withUsage: { period: string }[] = await this.dataSource.query(
      'SELECT DISTINCT period FROM monthly_usage WHERE period = ANY($1)',
      [periods],
    );
    const open = new Set(withUsage.map((r) => r.period).filter((p) => !closed.has(p)));
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
