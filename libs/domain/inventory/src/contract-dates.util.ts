import { addMonths, type IsoDate, lastDayOfMonth } from './calendar.util';

/** The contract's defaults (domain.md §1); callers pass the configured values. */
export const DEFAULT_WARRANTY_MONTHS = 36;
export const DEFAULT_LEASE_MONTHS = 36;
export const DEFAULT_PLAN_MONTHS = 36;

/** Warranty end = date received + 36 calendar months (§3.2, clause 4.6). */
export function warrantyEndOn(receivedOn: IsoDate, months = DEFAULT_WARRANTY_MONTHS): IsoDate {
  return addMonths(receivedOn, months);
}

/** A fault is in warranty when it was reported before the warranty end (§3.2): the end day is out. */
export function isInWarranty(reportedOn: IsoDate, warrantyEnd: IsoDate): boolean {
  return reportedOn < warrantyEnd;
}

/** The lease ends, and ownership passes to the bureau, 36 months after it starts (clauses 4.1, 4.5). */
export function leaseEndOn(leaseStartOn: IsoDate, months = DEFAULT_LEASE_MONTHS): IsoDate {
  return addMonths(leaseStartOn, months);
}

/**
 * A plan covers its activation month and the 35 natural months after it (§3.3): it ends on the last
 * day of the 36th month.
 */
export function planEndsOn(activatedOn: IsoDate, months = DEFAULT_PLAN_MONTHS): IsoDate {
  return lastDayOfMonth(addMonths(`${activatedOn.slice(0, 7)}-01`, months - 1));
}

/** Whether a billing month (`YYYY-MM`) is inside the plan that was activated on `activatedOn`. */
export function planCoversMonth(activatedOn: IsoDate, period: string, months = DEFAULT_PLAN_MONTHS): boolean {
  const first = activatedOn.slice(0, 7);
  const last = planEndsOn(activatedOn, months).slice(0, 7);
  return period >= first && period <= last;
}

/**
 * Whether a SIM's usage in a billing month is in plan (§3.3), the one rule for the monthly totals and
 * the close. A SIM never activated has no activation month, so no month is covered: its usage is out
 * of plan (flagged, not billed against an allowance), whether or not it has any.
 */
export function simPlanCoversMonth(
  sim: { activatedOn: IsoDate | null; termMonths: number | null },
  period: string,
): boolean {
  return sim.activatedOn !== null && planCoversMonth(sim.activatedOn, period, sim.termMonths ?? undefined);
}
