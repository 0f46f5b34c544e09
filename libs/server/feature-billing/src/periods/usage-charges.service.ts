import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CategoryOverage,
  CONTRACT_ALLOWANCE,
  daysHeldInMonth,
  overagesFor,
  periodBounds,
  type ShareBasis,
  type SimCharge,
  versionFor,
} from '@fleet/domain/billing';
import { simPlanCoversMonth } from '@fleet/domain/inventory';
import { BillingRulesEntity } from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';
import type { DataSource, EntityManager } from 'typeorm';

export interface SimUsageRow {
  simId: number;
  msisdn: string;
  voiceMin: number;
  sms: number;
  nationalKb: number;
  apnKb: number;
  carrierOverageFen: number | null;
  outsidePlan: boolean;
  allowance: { voiceMin: number; sms: number; nationalKb: number; apnKb: number };
}

export interface PeriodOverages {
  rules: BillingRulesEntity;
  /** Per SIM in plan: its four categories. */
  sims: { usage: SimUsageRow; overages: CategoryOverage[] }[];
  outOfPlanSimIds: number[];
}

const num = (v: unknown) => Number(v ?? 0);

export interface SimMonth extends SimUsageRow {
  /** Whether the month has a monthly_usage row for the SIM (otherwise its figures are zeros). */
  hasUsage: boolean;
  /** Billed: the plan covers the month (§3.3, simPlanCoversMonth: never for a SIM never activated). */
  inPlan: boolean;
}

const SIM_MONTH_COLUMNS = `s.id AS sim_id, s.msisdn, mu.id AS usage_id, mu.voice_min, mu.sms, mu.national_kb,
  mu.apn_kb, mu.carrier_overage_fen, mu.outside_plan, s.activated_on::text AS activated_on, p.term_months,
  p.voice_min AS a_voice, p.sms AS a_sms, p.national_kb AS a_national, p.apn_kb AS a_apn`;

function toSimMonth(r: Record<string, unknown>, period: string): SimMonth {
  const hasUsage = r.usage_id !== null;
  return {
    simId: num(r.sim_id),
    msisdn: String(r.msisdn),
    voiceMin: num(r.voice_min),
    sms: num(r.sms),
    nationalKb: num(r.national_kb),
    apnKb: num(r.apn_kb),
    carrierOverageFen: r.carrier_overage_fen === null ? null : num(r.carrier_overage_fen),
    outsidePlan: Boolean(r.outside_plan),
    allowance:
      r.term_months === null
        ? CONTRACT_ALLOWANCE
        : { voiceMin: num(r.a_voice), sms: num(r.a_sms), nationalKb: num(r.a_national), apnKb: num(r.a_apn) },
    hasUsage,
    inPlan:
      !r.outside_plan &&
      simPlanCoversMonth(
        {
          activatedOn: r.activated_on as string | null,
          termMonths: r.term_months === null ? null : num(r.term_months),
        },
        period,
      ),
  };
}

/**
 * A month's overages from its monthly totals (§3.3, §3.5) and who held each SIM's device (attribution).
 * Reads only; the close writes what it returns.
 */
@Injectable()
export class UsageChargesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rulesFor(manager: EntityManager, period: string): Promise<BillingRulesEntity> {
    const rules = versionFor(period, await manager.find(BillingRulesEntity));
    if (!rules) {
      throw ApiException.conflict({
        zh: `没有适用于 ${period} 的计费规则`,
        en: `No billing rules apply to ${period}`,
      });
    }
    return rules;
  }

  /** Each SIM's usage in the month against its plan's allowance (the contract's when it has no plan). */
  async usage(manager: EntityManager, period: string): Promise<SimMonth[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${SIM_MONTH_COLUMNS}
         FROM monthly_usage mu
         JOIN sim_cards s ON s.id = mu.sim_id
         LEFT JOIN plans p ON p.id = s.plan_id
        WHERE mu.period = $1
        ORDER BY mu.sim_id`,
      [period],
    );
    return rows.map((r) => toSimMonth(r, period));
  }

  /**
   * Every SIM (or the given ones) in the month, with zeros where it has no usage yet: what the
   * officer's own page and the dashboard compare against allowance.
   */
  async simMonths(manager: EntityManager, period: string, simIds?: readonly number[]): Promise<SimMonth[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${SIM_MONTH_COLUMNS}
         FROM sim_cards s
         LEFT JOIN monthly_usage mu ON mu.sim_id = s.id AND mu.period = $1
         LEFT JOIN plans p ON p.id = s.plan_id
        WHERE $2::int[] IS NULL OR s.id = ANY($2)
        ORDER BY s.id`,
      [period, simIds ?? null],
    );
    return rows.map((r) => toSimMonth(r, period));
  }

  async overages(period: string, manager: EntityManager = this.dataSource.manager): Promise<PeriodOverages> {
    const rules = await this.rulesFor(manager, period);
    const policy = {
      voice: rules.voicePayer,
      sms: rules.smsPayer,
      national: rules.nationalPayer,
      apn: rules.apnPayer,
    };
    const all = await this.usage(manager, period);
    return {
      rules,
      sims: all
        .filter((u) => u.inPlan)
        .map((usage) => ({ usage, overages: overagesFor(usage, usage.allowance, rules, policy) })),
      outOfPlanSimIds: all.filter((u) => !u.inPlan).map((u) => u.simId),
    };
  }

  /**
   * The share bases of every SIM's charges (§3.5): by each holder's usage where the SIM has detail
   * records in the month, otherwise by days held; nobody holding is the bureau (holder null).
   */
  async charges(manager: EntityManager, period: string, sims: PeriodOverages['sims']): Promise<SimCharge[]> {
    const byUsage = await this.usageBases(manager, period);
    const byDays = await this.dayBases(
      manager,
      period,
      sims.map((s) => s.usage.simId).filter((id) => !byUsage.has(id)),
    );
    return sims.flatMap(({ usage, overages }) =>
      overages.map((overage) => {
        const detail = byUsage.get(usage.simId);
        return detail
          ? {
              simId: usage.simId,
              overage,
              basisKind: 'usage' as const,
              bases: detail.get(overage.category) ?? [],
            }
          : { simId: usage.simId, overage, basisKind: 'days' as const, bases: byDays.get(usage.simId) ?? [] };
      }),
    );
  }

  /**
   * Each holder's usage per SIM and category, from the records that count as the totals do
   * (counted_usage_records, §3.4), each record going to whoever held the SIM's device at its start.
   * One query for the whole month.
   */
  private async usageBases(
    manager: EntityManager,
    period: string,
  ): Promise<Map<number, Map<string, ShareBasis<number>[]>>> {
    const rows: {
      sim_id: number;
      officer_id: number | null;
      category: string;
      weight: string;
      since: Date;
    }[] = await manager.query(
      `SELECT c.sim_id, a.officer_id, c.category, sum(c.amount)::text AS weight,
                min(coalesce(a.start_at, c.start_at)) AS since
           FROM counted_usage_records($1, NULL) c
           LEFT JOIN sim_installations i ON i.sim_id = c.sim_id AND i.voided_at IS NULL
                AND tstzrange(i.start_at, i.end_at) @> c.start_at
           LEFT JOIN assignments a ON a.device_id = i.device_id AND a.voided_at IS NULL
                AND tstzrange(a.start_at, a.end_at) @> c.start_at
          GROUP BY c.sim_id, a.officer_id, c.category
          ORDER BY c.sim_id, since`,
      [period],
    );
    const bases = new Map<number, Map<string, ShareBasis<number>[]>>();
    for (const row of rows) {
      const sim = bases.get(row.sim_id) ?? new Map<string, ShareBasis<number>[]>();
      bases.set(row.sim_id, sim);
      sim.set(row.category, [
        ...(sim.get(row.category) ?? []),
        { holder: row.officer_id, weight: Number(row.weight), since: new Date(row.since) },
      ]);
    }
    return bases;
  }

  /** Days each officer held each SIM's device in the month (daysHeldInMonth); the unheld days are the bureau's. */
  private async dayBases(
    manager: EntityManager,
    period: string,
    simIds: number[],
  ): Promise<Map<number, ShareBasis<number>[]>> {
    const { start, end } = periodBounds(period);
    if (!simIds.length) return new Map();
    // The spans in the month when an officer held the device the SIM was in.
    const rows: { sim_id: number; officer_id: number; lo: Date; hi: Date }[] = await manager.query(
      `SELECT i.sim_id, a.officer_id, lower(x.span) AS lo, upper(x.span) AS hi
         FROM sim_installations i
         JOIN assignments a ON a.device_id = i.device_id AND a.voided_at IS NULL
         CROSS JOIN LATERAL (SELECT tstzrange(i.start_at, i.end_at) * tstzrange(a.start_at, a.end_at)
                                    * tstzrange($2, $3) AS span) x
        WHERE i.voided_at IS NULL AND i.sim_id = ANY($1) AND NOT isempty(x.span)
        ORDER BY i.sim_id, lower(x.span)`,
      [simIds, start, end],
    );
    const monthDays = daysHeldInMonth([{ start, end }], start, end);
    const bases = new Map<number, ShareBasis<number>[]>();
    for (const simId of simIds) {
      const spans = rows.filter((r) => r.sim_id === simId);
      const officers = [...new Set(spans.map((s) => s.officer_id))];
      const held = officers.map((officer) => {
        const own = spans.filter((s) => s.officer_id === officer);
        return {
          holder: officer,
          weight: daysHeldInMonth(
            own.map((s) => ({ start: new Date(s.lo), end: new Date(s.hi) })),
            start,
            end,
          ),
          since: new Date(own[0].lo),
        };
      });
      const unheld = monthDays - held.reduce((sum, h) => sum + h.weight, 0);
      bases.set(simId, unheld > 0 ? [...held, { holder: null, weight: unheld, since: end }] : held);
    }
    return bases;
  }
}
