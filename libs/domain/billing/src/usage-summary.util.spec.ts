import { CONTRACT_ALLOWANCE } from './overage.util';
import { allowanceUses, fenToYuan, recentPeriods, topByAmount } from './usage-summary.util';
import { ZERO_USAGE } from './usage-rules.util';

describe('usage against allowance', () => {
  it('gives zeros used and the full allowance remaining when nothing is used yet', () => {
    expect(allowanceUses(ZERO_USAGE, CONTRACT_ALLOWANCE)).toEqual([
      { category: 'voice', used: 0, allowance: 1500, remaining: 1500, excess: 0, over: false },
      { category: 'sms', used: 0, allowance: 100, remaining: 100, excess: 0, over: false },
      { category: 'national', used: 0, allowance: 20971520, remaining: 20971520, excess: 0, over: false },
      { category: 'apn', used: 0, allowance: 52428800, remaining: 52428800, excess: 0, over: false },
    ]);
  });

  it.each([
    [1499, 1, 0, false],
    [1500, 0, 0, false],
    [1501, 0, 1, true],
  ])('%i minutes used: %i remaining, %i over (%s)', (voiceMin, remaining, excess, over) => {
    const [voice] = allowanceUses({ ...ZERO_USAGE, voiceMin }, CONTRACT_ALLOWANCE);
    expect(voice).toMatchObject({ used: voiceMin, remaining, excess, over });
  });

  it('reads each category from its own field', () => {
    const uses = allowanceUses({ voiceMin: 1, sms: 101, nationalKb: 3, apnKb: 4 }, CONTRACT_ALLOWANCE);
    expect(uses.map((u) => [u.category, u.used, u.over])).toEqual([
      ['voice', 1, false],
      ['sms', 101, true],
      ['national', 3, false],
      ['apn', 4, false],
    ]);
  });
});

describe('fenToYuan', () => {
  it.each([
    [0, 0],
    [1, 0.01],
    [10, 0.1],
    [12345, 123.45],
    [-633, -6.33],
    [1006, 10.06],
  ])('%i fen is %d yuan', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });
});

describe('recentPeriods', () => {
  it('lists the months ending with the given one, oldest first, across a year end', () => {
    expect(recentPeriods('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(recentPeriods('2026-12', 12)[0]).toBe('2026-01');
    expect(recentPeriods('2026-01', 12)).toHaveLength(12);
    expect(recentPeriods('2026-01', 12)[0]).toBe('2025-02');
  });

  it('refuses a malformed month', () => {
    expect(() => recentPeriods('2026-13', 3)).toThrow(RangeError);
    expect(() => recentPeriods('2026-1', 3)).toThrow(RangeError);
  });
});

describe('topByAmount', () => {
  it('keeps the n largest positive amounts, ties by the smaller id', () => {
    const items = [
      { id: 3, amountFen: 100 },
      { id: 1, amountFen: 0 },
      { id: 2, amountFen: 100 },
      { id: 4, amountFen: 500 },
      { id: 5, amountFen: 7 },
    ];
    expect(topByAmount(items, 3).map((i) => i.id)).toEqual([4, 2, 3]);
    expect(topByAmount(items, 10).map((i) => i.id)).toEqual([4, 2, 3, 5]);
  });
});
