import { addDays, chinaDateOf, daysInMonth, type IsoDate } from '@fleet/domain/inventory';
import type { ContractTerms } from './contract-terms';
import { divideHalfUp } from './money.util';

export const OUTAGE_CAUSES = ['carrier', 'force_majeure', 'bureau'] as const;
export type OutageCause = (typeof OUTAGE_CAUSES)[number];
export const OUTAGE_SCOPES = ['all', 'sims'] as const;
export type OutageScope = (typeof OUTAGE_SCOPES)[number];
export const SLA_CREDIT_REASONS = ['over_3h', 'over_72h'] as const;
export type SlaCreditReason = (typeof SLA_CREDIT_REASONS)[number];

export interface OutageFact {
  id: number;
  startAt: Date;
  endAt: Date;
  cause: OutageCause;
  scope: OutageScope;
  /** The SIMs affected when the scope is `sims`. */
  simIds: readonly number[];
}

export interface SlaCredit {
  simId: number;
  day: IsoDate;
  amountFen: number;
  reason: SlaCreditReason;
  /** The outages that touched this SIM on this day. */
  outageIds: number[];
}

const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The first moment of a China calendar day. */
function chinaDayStart(day: IsoDate): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS;
}

/** The China calendar days an interval [start, end) has time in. */
function daysTouched(startMs: number, endMs: number): IsoDate[] {
  if (endMs <= startMs) return [];
  const last = chinaDateOf(new Date(endMs - 1));
  const days: IsoDate[] = [];
  for (let day = chinaDateOf(new Date(startMs)); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A waived day is worth the monthly fee ÷ the days of its month, half up to the fen (§3.6). */
export function dayValueFen(monthlyFeeFen: number, period: string): number {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return divideHalfUp(monthlyFeeFen, daysInMonth(y, m));
}

interface Run {
  startMs: number;
  endMs: number;
  outageIds: number[];
}

/** Outages that overlap or touch (the next starts at or before the end so far) as one continuous outage. */
function mergeRuns(outages: readonly OutageFact[]): Run[] {
  const sorted = [...outages]
    .map((o) => ({ startMs: o.startAt.getTime(), endMs: o.endAt.getTime(), outageIds: [o.id] }))
    .filter((r) => r.endMs > r.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const runs: Run[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, r.endMs);
      last.outageIds.push(...r.outageIds);
    } else runs.push({ ...r, outageIds: [...r.outageIds] });
  }
  return runs;
}

/**
 * The SLA credits of one month (`YYYY-MM`, China time) under clause 6.3 as §3.6 makes it exact, one per SIM
 * and waived day. Per SIM, its carrier-caused outages that overlap or touch form one continuous outage;
 * each day touched by a continuous outage of slaDayHours or more is waived (over_3h); when the SIM's outage
 * time within the month (the union, cut at the month's bounds) is slaMonthHours or more, every day of the
 * month touched by any of its carrier outages is waived (over_72h, for the days the first rule left). A day
 * is waived once. Force-majeure and bureau-caused outages waive nothing.
 */
export function slaCredits(input: {
  period: string;
  terms: Pick<ContractTerms, 'monthlyFeeFen' | 'slaDayHours' | 'slaMonthHours'>;
  /** The SIMs of the contract, for outages whose scope is all. */
  simIds: readonly number[];
  outages: readonly OutageFact[];
}): SlaCredit[] {
  const { period, terms } = input;
  const monthStart = chinaDayStart(`${period}-01`);
  const [y, m] = period.split('-').map(Number) as [number, number];
  const monthEnd = chinaDayStart(addDays(`${period}-${String(daysInMonth(y, m)).padStart(2, '0')}`, 1));
  const value = dayValueFen(terms.monthlyFeeFen, period);
  const carrier = input.outages.filter((o) => o.cause === 'carrier');
  const credits: SlaCredit[] = [];

  for (const simId of [...new Set(input.simIds)].sort((a, b) => a - b)) {
    const mine = carrier.filter((o) => o.scope === 'all' || o.simIds.includes(simId));
    if (!mine.length) continue;
    const runs = mergeRuns(mine);
    const waived = new Map<IsoDate, SlaCreditReason>();
    for (const run of runs) {
      if (run.endMs - run.startMs < terms.slaDayHours * HOUR_MS) continue;
      for (const day of daysTouched(run.startMs, run.endMs))
        if (day.startsWith(period)) waived.set(day, 'over_3h');
    }
    const inMonthMs = runs.reduce(
      (sum, r) => sum + Math.max(0, Math.min(r.endMs, monthEnd) - Math.max(r.startMs, monthStart)),
      0,
    );
    if (inMonthMs >= terms.slaMonthHours * HOUR_MS) {
      for (const run of runs) {
        for (const day of daysTouched(Math.max(run.startMs, monthStart), Math.min(run.endMs, monthEnd))) {
          if (!waived.has(day)) waived.set(day, 'over_72h');
        }
      }
    }
    for (const day of [...waived.keys()].sort()) {
      const dayStart = chinaDayStart(day);
      const dayEnd = chinaDayStart(addDays(day, 1));
      const outageIds = mine
        .filter((o) => o.startAt.getTime() < dayEnd && o.endAt.getTime() > dayStart)
        .map((o) => o.id)
        .sort((a, b) => a - b);
      credits.push({ simId, day, amountFen: value, reason: waived.get(day)!, outageIds });
    }
  }
  return credits;
}
