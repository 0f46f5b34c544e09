import { describe, expect, it } from '@jest/globals';

import { amountOn, paidAgainstScheduled } from './paidSeries';
import { percentOfBp, yuan } from './money';

describe('paidAgainstScheduled', () => {
  const installments = [
    { dueOn: '2025-12-10', amountFen: 9_810_000 },
    { dueOn: '2026-06-10', amountFen: 9_810_000 },
  ];

  it('steps the schedule up on due dates and the payments on payment days, leaving out reversed ones', () => {
    const { scheduled, paid } = paidAgainstScheduled('2025-11-20', installments, [
      { paidOn: '2026-06-20', amountFen: 4_905_000, reversedAt: null },
      { paidOn: '2025-12-10', amountFen: 9_810_000, reversedAt: null },
      { paidOn: '2026-07-03', amountFen: 4_905_000, reversedAt: null },
      { paidOn: '2026-07-03', amountFen: 1, reversedAt: '2026-07-04T01:00:00Z' },
    ]);
    expect(scheduled).toEqual([
      { on: '2025-11-20', fen: 0 },
      { on: '2025-12-10', fen: 9_810_000 },
      { on: '2026-06-10', fen: 19_620_000 },
    ]);
    expect(paid.map((s) => [s.on, s.fen])).toEqual([
      ['2025-11-20', 0],
      ['2025-12-10', 9_810_000],
      ['2026-06-20', 14_715_000],
      ['2026-07-03', 19_620_000],
    ]);
    expect(amountOn(paid, '2026-06-30')).toBe(14_715_000);
    expect(amountOn(scheduled, '2026-06-30')).toBe(19_620_000);
    expect(amountOn(paid, '2025-11-01')).toBe(0);
  });

  it('writes money as yuan with separators and rates as percentages', () => {
    expect(yuan(17_658_000)).toBe('¥176,580.00');
    expect(yuan(879)).toBe('¥8.79');
    expect(yuan(-412_020)).toBe('¥-4,120.20');
    expect(percentOfBp(30)).toBe('0.3');
    expect(percentOfBp(3000)).toBe('30');
  });
});
