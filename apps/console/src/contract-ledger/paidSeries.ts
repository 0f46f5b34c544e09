/** A cumulative amount from a day on: the steps of a line chart. */
export interface Step {
  on: string;
  fen: number;
}

/**
 * What the chart draws: the schedule's cumulative total stepping up on each due date, and the payments'
 * stepping up on each payment day (reversed payments do not count). Both start at 0 on the first day.
 */
export function paidAgainstScheduled(
  startsOn: string,
  installments: readonly { dueOn: string; amountFen: number }[],
  payments: readonly { paidOn: string; amountFen: number; reversedAt: string | null }[],
): { scheduled: Step[]; paid: Step[] } {
  const cumulative = (events: { on: string; fen: number }[]): Step[] => {
    const byDay = new Map<string, number>();
    for (const e of events) byDay.set(e.on, (byDay.get(e.on) ?? 0) + e.fen);
    let sum = 0;
    return [
      { on: startsOn, fen: 0 },
      ...[...byDay.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([on, fen]) => ({ on, fen: (sum += fen) })),
    ];
  };
  return {
    scheduled: cumulative(installments.map((i) => ({ on: i.dueOn, fen: i.amountFen }))),
    paid: cumulative(payments.filter((p) => !p.reversedAt).map((p) => ({ on: p.paidOn, fen: p.amountFen }))),
  };
}

/** The cumulative amount of a series on a day (the last step at or before it). */
export function amountOn(steps: readonly Step[], on: string): number {
  let fen = 0;
  for (const s of steps) if (s.on <= on) fen = s.fen;
  return fen;
}
