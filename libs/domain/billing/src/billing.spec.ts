import {
  CONTRACT_ALLOWANCE,
  DEFAULT_PAYER_POLICY,
  DEFAULT_TARIFF,
  KB_PER_GB,
  billableMinutes,
  daysHeldInMonth,
  detailRecordKey,
  overageFor,
  periodBounds,
  periodOf,
  splitAmount,
  usageOf,
  versionFor,
  ZERO_USAGE,
} from './index';

describe('counting usage (§3.4)', () => {
  it.each([
    [0, 0],
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [120, 2],
    [121, 3],
  ])('a %i s call is %i billable minute(s)', (seconds, minutes) => {
    expect(billableMinutes(seconds)).toBe(minutes);
  });

  it.each([-1, 1.5])('refuses a duration of %s s', (seconds) => {
    expect(() => billableMinutes(seconds)).toThrow(RangeError);
  });

  it.each([
    ['an outgoing call', { type: 'voice', direction: 'out', durationS: 61 }, { voiceMin: 2 }],
    ['an incoming call', { type: 'voice', direction: 'in', durationS: 600 }, {}],
    ['a sent SMS', { type: 'sms', direction: 'out' }, { sms: 1 }],
    ['a received SMS', { type: 'sms', direction: 'in' }, {}],
    ['data on the SIM APN', { type: 'data', volumeKb: 500, apn: 'xjga.xj' }, { apnKb: 500 }],
    ['data on the SIM APN in other case', { type: 'data', volumeKb: 500, apn: ' XJGA.XJ ' }, { apnKb: 500 }],
    ['data on another APN', { type: 'data', volumeKb: 500, apn: 'cmnet' }, { nationalKb: 500 }],
    ['data without an APN', { type: 'data', volumeKb: 7, apn: null }, { nationalKb: 7 }],
  ] as const)('%s counts %j', (_name, record, expected) => {
    const full = { direction: null, durationS: null, volumeKb: null, apn: null, ...record };
    expect(usageOf(full, 'xjga.xj')).toEqual({ ...ZERO_USAGE, ...expected });
  });

  it('keys a record by number, type, start, direction and counterpart', () => {
    const base = {
      msisdn: '14780000000',
      type: 'voice' as const,
      startAt: new Date('2026-01-01T01:05:20+08:00'),
      direction: 'out' as const,
      counterpart: '13****10425',
    };
    expect(detailRecordKey(base)).toBe(detailRecordKey({ ...base }));
    expect(detailRecordKey(base)).not.toBe(detailRecordKey({ ...base, counterpart: '13****10426' }));
  });

  it.each([
    ['2026-01-01T00:00:00+08:00', '2026-01'],
    ['2025-12-31T23:59:59+08:00', '2025-12'],
    ['2026-01-31T23:59:59+08:00', '2026-01'],
    ['2026-01-31T16:00:00Z', '2026-02'],
  ])('a record starting %s belongs to %s (UTC+8)', (moment, period) => {
    expect(periodOf(new Date(moment))).toBe(period);
  });

  it('bounds a month in UTC+8', () => {
    const { start, end } = periodBounds('2026-02');
    expect(start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('overage (§3.5)', () => {
  const usage = (u: Partial<typeof ZERO_USAGE>) => ({ ...ZERO_USAGE, ...u });
  const charge = (category: 'voice' | 'sms' | 'national' | 'apn', u: Partial<typeof ZERO_USAGE>) =>
    overageFor(category, usage(u), CONTRACT_ALLOWANCE, DEFAULT_TARIFF, DEFAULT_PAYER_POLICY);

  it.each([
    ['voice', { voiceMin: 1500 }, 0, 0],
    ['voice', { voiceMin: 1501 }, 1, 19],
    ['voice', { voiceMin: 1600 }, 100, 1900],
    ['sms', { sms: 100 }, 0, 0],
    ['sms', { sms: 105 }, 5, 50],
    ['national', { nationalKb: 20 * KB_PER_GB }, 0, 0],
    ['national', { nationalKb: 20 * KB_PER_GB + 1 }, 1, 300],
    ['national', { nationalKb: 21 * KB_PER_GB }, KB_PER_GB, 300],
    ['national', { nationalKb: 21 * KB_PER_GB + 1 }, KB_PER_GB + 1, 600],
    ['apn', { apnKb: 50 * KB_PER_GB + 1024 }, 1024, 300],
  ] as const)('%s with %j: excess %i, %i fen', (category, u, excess, fen) => {
    expect(charge(category, u)).toMatchObject({ excess, amountFen: fen });
  });

  it('bills voice, SMS and national data to the officer and APN data to the bureau by default', () => {
    expect(['voice', 'sms', 'national', 'apn'].map((c) => charge(c as 'voice', {}).payer)).toEqual([
      'officer',
      'officer',
      'officer',
      'bureau',
    ]);
  });

  it('picks the tariff version in force for a month', () => {
    const versions = [
      { effectiveFrom: '2025-11', id: 1 },
      { effectiveFrom: '2026-03', id: 2 },
    ];
    expect(versionFor('2025-10', versions)).toBeNull();
    expect(versionFor('2026-02', versions)?.id).toBe(1);
    expect(versionFor('2026-03', versions)?.id).toBe(2);
  });
});

describe('splitting a charge between holders (§3.5)', () => {
  const t = (day: number) => new Date(Date.UTC(2026, 0, day));

  it.each([
    ['one holder takes all', 1000, [['A', 10, 1]], { A: 1000 }],
    [
      'in proportion to usage',
      1000,
      [
        ['A', 3, 1],
        ['B', 1, 2],
      ],
      { A: 750, B: 250 },
    ],
    [
      'the remainder goes to the largest share',
      100,
      [
        ['A', 1, 1],
        ['B', 2, 2],
      ],
      { A: 33, B: 67 },
    ],
    [
      'ties go to the earliest holder',
      100,
      [
        ['A', 1, 2],
        ['B', 1, 1],
        ['C', 1, 3],
      ],
      { A: 33, B: 34, C: 33 },
    ],
    [
      'unheld usage is the bureau’s',
      90,
      [
        ['A', 2, 1],
        [null, 1, 5],
      ],
      { A: 60, bureau: 30 },
    ],
    ['nobody used anything: the bureau', 50, [['A', 0, 1]], { bureau: 50 }],
  ] as const)('%s', (_name, amount, bases, expected) => {
    const shares = splitAmount(
      amount,
      bases.map(([holder, weight, day]) => ({ holder, weight, since: t(day) })),
    );
    const byHolder = Object.fromEntries(
      shares.filter((s) => s.amountFen > 0).map((s) => [s.holder ?? 'bureau', s.amountFen]),
    );
    expect(byHolder).toEqual(expected);
    expect(shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(amount);
  });

  it('stays exact with very large volumes', () => {
    const shares = splitAmount(999_999, [
      { holder: 'A', weight: 2 ** 40, since: t(1) },
      { holder: 'B', weight: 2 ** 40 + 1, since: t(2) },
    ]);
    expect(shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(999_999);
  });

  it('counts the days held in a month by who held the device at each day’s start (UTC+8)', () => {
    const { start, end } = periodBounds('2026-01');
    const handover = new Date('2026-01-11T09:00:00+08:00');
    expect(
      daysHeldInMonth([{ start: new Date('2025-12-01T00:00:00+08:00'), end: handover }], start, end),
    ).toBe(11);
    expect(daysHeldInMonth([{ start: handover, end: null }], start, end)).toBe(20);
    expect(daysHeldInMonth([], start, end)).toBe(0);
  });
});
