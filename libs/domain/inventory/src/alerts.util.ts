import { addMonths, daysBetween, type IsoDate } from './calendar.util';

export const DEFAULT_ALERT_DAYS = [90, 30, 7] as const;

/**
 * The tightest threshold a coming date has crossed (e.g. 30 when 12 days are left of 90/30/7), or
 * null when it is further away than every threshold or already past.
 */
export function alertThreshold(
  today: IsoDate,
  due: IsoDate,
  thresholds: readonly number[] = DEFAULT_ALERT_DAYS,
): number | null {
  const left = daysBetween(today, due);
  if (left < 0) return null;
  const crossed = thresholds.filter((t) => left <= t);
  return crossed.length ? Math.min(...crossed) : null;
}

/** SIMs must all be active within one month of signing (clause 4.2). */
export function activationDeadline(signedOn: IsoDate): IsoDate {
  return addMonths(signedOn, 1);
}

export function isActivationLate(today: IsoDate, signedOn: IsoDate, activatedOn: IsoDate | null): boolean {
  const deadline = activationDeadline(signedOn);
  return activatedOn === null ? today > deadline : activatedOn > deadline;
}
