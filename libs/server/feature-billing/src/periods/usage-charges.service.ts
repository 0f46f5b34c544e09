import { Injectable } from '@nestjs/common';
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
import type { HolderSpan } from '@fleet/server/feature-inventory';
import type { BillingRulesEntity } from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { type SimMonthRow, UsageChargesStore } from './usage-charges.store';

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

function toSimMonth(r: SimMonthRow, period: string): SimMonth {
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
  constructor(private readonly store: UsageChargesStore) {}

  async rulesFor(manager: EntityManager, period: string): Promise<BillingRulesEntity> {
    const rules = versionFor(period, await this.store.rules(manager));
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
    return (await this.store.usage(manager, period)).map((r) => toSimMonth(r, period));
  }

  /**
   * Every SIM (or the given ones) in the month, with zeros where it has no usage yet: what the
   * officer's own page and the dashboard compare against allowance.
   */
  async simMonths(manager: EntityManager, period: string, simIds?: readonly number[]): Promise<SimMonth[]> {
    return (await this.store.simMonths(manager, period, simIds)).map((r) => toSimMonth(r, period));
  }

  async overages(
    period: string,
    manager: EntityManager = this.store.dataSource.manager,
  ): Promise<PeriodOverages> {
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
   * (counted_usage_records, §3.4), each record going to whoever held the SIM's device at its start
   * (custody's holder_spans). One statement for the whole month, summed in the database.
   */
  private async usageBases(
    manager: EntityManager,
    period: string,
  ): Promise<Map<number, Map<string, ShareBasis<number>[]>>> {
    const bases = new Map<number, Map<string, ShareBasis<number>[]>>();
    for (const row of await this.store.usageBases(manager, period)) {
      const sim = new Map<string, ShareBasis<number>[]>();
      row.categories.forEach((category, i) => {
        const basis = { holder: row.officers[i], weight: Number(row.weights[i]), since: row.sinces[i] };
        const of = sim.get(category);
        if (of) of.push(basis);
        else sim.set(category, [basis]);
      });
      bases.set(row.simId, sim);
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
    // The spans in the month when an officer held the device the SIM was in, by SIM.
    const spansOf = new Map<number, HolderSpan[]>();
    for (const span of await this.store.holderSpans(manager, period, simIds)) {
      const of = spansOf.get(span.simId);
      if (of) of.push(span);
      else spansOf.set(span.simId, [span]);
    }
    const monthDays = daysHeldInMonth([{ start, end }], start, end);
    const bases = new Map<number, ShareBasis<number>[]>();
    for (const simId of simIds) {
      const spans = spansOf.get(simId) ?? [];
      const officers = [...new Set(spans.map((s) => s.officerId))];
      const held = officers.map((officer) => {
        const own = spans.filter((s) => s.officerId === officer);
        return {
          holder: officer,
          weight: daysHeldInMonth(
            own.map((s) => ({ start: s.from, end: s.to })),
            start,
            end,
          ),
          since: own[0].from,
        };
      });
      const unheld = monthDays - held.reduce((sum, h) => sum + h.weight, 0);
      bases.set(simId, unheld > 0 ? [...held, { holder: null, weight: unheld, since: end }] : held);
    }
    return bases;
  }
}
