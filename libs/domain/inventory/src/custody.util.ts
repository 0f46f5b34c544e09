/**
 * Custody as intervals: a device held by an officer, or a SIM in a device's slot, from `start` up to
 * (not including) `end`; an open interval has no end. Voided intervals (corrected by a later event)
 * never count.
 */
export interface CustodyInterval<T> {
  holder: T;
  start: Date;
  end: Date | null;
  voided?: boolean;
}

export function holderAt<T>(intervals: readonly CustodyInterval<T>[], at: Date): T | null {
  const found = intervals.find(
    (i) =>
      !i.voided && i.start.getTime() <= at.getTime() && (i.end === null || at.getTime() < i.end.getTime()),
  );
  return found ? found.holder : null;
}

/** Whether two intervals share any moment (touching ends do not overlap). */
export function overlaps(
  a: { start: Date; end: Date | null },
  b: { start: Date; end: Date | null },
): boolean {
  const aEnd = a.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.start.getTime() < bEnd && b.start.getTime() < aEnd;
}
