/**
 * Splitting a SIM's charge in a category between the officers who held its device that month (§3.5):
 * in proportion to each one's usage (or days held, with a summary file only); usage while nobody held
 * the device is the bureau's. Amounts are integer fen: each share is rounded down, and the remainder
 * goes to the largest share (ties: the earliest holder).
 */
export interface ShareBasis<H> {
  /** An officer, or null for the bureau (unheld time). */
  holder: H | null;
  /** Usage in the category's unit, or days held. */
  weight: number;
  /** When this holder's custody began in the month, for ties. */
  since: Date;
}

export interface Share<H> {
  holder: H | null;
  amountFen: number;
}

export function splitAmount<H>(amountFen: number, bases: readonly ShareBasis<H>[]): Share<H>[] {
  if (!Number.isInteger(amountFen) || amountFen < 0)
    throw new RangeError(`amount must be whole fen ≥ 0: ${amountFen}`);
  const total = bases.reduce((sum, b) => sum + b.weight, 0);
  if (bases.some((b) => !Number.isInteger(b.weight) || b.weight < 0))
    throw new RangeError('weights must be whole numbers ≥ 0');
  if (total === 0) return bases.length ? [{ holder: null, amountFen }] : [];

  // BigInt keeps amount × weight exact however large the KB volumes get.
  const shares = bases.map((b) => ({
    holder: b.holder,
    since: b.since,
    weight: b.weight,
    amountFen: Number((BigInt(amountFen) * BigInt(b.weight)) / BigInt(total)),
  }));
  const remainder = amountFen - shares.reduce((sum, s) => sum + s.amountFen, 0);
  if (remainder > 0) {
    const largest = shares.reduce((best, s) =>
      s.weight > best.weight || (s.weight === best.weight && s.since < best.since) ? s : best,
    );
    largest.amountFen += remainder;
  }
  return shares.map(({ holder, amountFen: fen }) => ({ holder, amountFen: fen }));
}

/** Whole days of a month during which a holder held the device (a started day counts for who had it at its start). */
export function daysHeldInMonth(
  intervals: readonly { start: Date; end: Date | null }[],
  monthStart: Date,
  monthEnd: Date,
): number {
  const dayMs = 86_400_000;
  let days = 0;
  for (let t = monthStart.getTime(); t < monthEnd.getTime(); t += dayMs) {
    if (intervals.some((i) => i.start.getTime() <= t && (i.end === null || t < i.end.getTime()))) days += 1;
  }
  return days;
}
