import { TERMS_2025 } from './contract.fixture';
import { dayValueFen, type OutageFact, slaCredits } from './sla-credits.util';

let nextId = 1;
const outage = (start: string, end: string, more: Partial<OutageFact> = {}): OutageFact => ({
  id: nextId++,
  startAt: new Date(`${start}+08:00`),
  endAt: new Date(`${end}+08:00`),
  cause: 'carrier',
  scope: 'all',
  simIds: [],
  ...more,
});
const credits = (period: string, outages: OutageFact[], simIds = [7]) =>
  slaCredits({ period, terms: TERMS_2025, simIds, outages }).map(({ simId, day, amountFen, reason }) => [
    simId,
    day,
    amountFen,
    reason,
  ]);

/** 272.50 CNY ÷ 31 days = 8.7903… CNY: 879 fen; ÷ 28 days: 973 fen. */
const MARCH = 879;
const FEB = 973;

/** Two 2-hour outages a day (never 3 hours in a row) on March 1 … days, then what is given. */
function smallOutages(days: number): OutageFact[] {
  return Array.from({ length: days }, (_, i) => {
    const d = `2026-03-${String(i + 1).padStart(2, '0')}`;
    return [outage(`${d}T09:00:00`, `${d}T11:00:00`), outage(`${d}T14:00:00`, `${d}T16:00:00`)];
  }).flat();
}

describe('slaCredits (clause 6.3, §3.6)', () => {
  it.each([
    {
      case: 'exactly 3 h',
      outages: () => [outage('2026-03-05T10:00:00', '2026-03-05T13:00:00')],
      want: [[7, '2026-03-05', MARCH, 'over_3h']],
    },
    {
      case: '2 h 59 min 59 s',
      outages: () => [outage('2026-03-05T10:00:00', '2026-03-05T12:59:59')],
      want: [],
    },
    {
      case: '3 h across midnight waives both days',
      outages: () => [outage('2026-03-05T22:00:00', '2026-03-06T01:00:00')],
      want: [
        [7, '2026-03-05', MARCH, 'over_3h'],
        [7, '2026-03-06', MARCH, 'over_3h'],
      ],
    },
    {
      case: 'ending at midnight does not touch the next day',
      outages: () => [outage('2026-03-05T20:00:00', '2026-03-06T00:00:00')],
      want: [[7, '2026-03-05', MARCH, 'over_3h']],
    },
    {
      case: 'two that overlap make one of 3 h',
      outages: () => [
        outage('2026-03-05T10:00:00', '2026-03-05T11:30:00'),
        outage('2026-03-05T11:00:00', '2026-03-05T13:00:00'),
      ],
      want: [[7, '2026-03-05', MARCH, 'over_3h']],
    },
    {
      case: 'two that touch make one of 3 h',
      outages: () => [
        outage('2026-03-05T10:00:00', '2026-03-05T11:30:00'),
        outage('2026-03-05T11:30:00', '2026-03-05T13:00:00'),
      ],
      want: [[7, '2026-03-05', MARCH, 'over_3h']],
    },
    {
      case: 'two a second apart stay two short ones',
      outages: () => [
        outage('2026-03-05T10:00:00', '2026-03-05T11:30:00'),
        outage('2026-03-05T11:30:01', '2026-03-05T13:00:01'),
      ],
      want: [],
    },
    {
      case: 'force majeure waives nothing',
      outages: () => [outage('2026-03-05T00:00:00', '2026-03-09T00:00:00', { cause: 'force_majeure' })],
      want: [],
    },
    {
      case: 'bureau-caused waives nothing',
      outages: () => [outage('2026-03-05T00:00:00', '2026-03-09T00:00:00', { cause: 'bureau' })],
      want: [],
    },
    {
      case: 'a force-majeure outage does not join a carrier one into 3 h',
      outages: () => [
        outage('2026-03-05T10:00:00', '2026-03-05T12:00:00'),
        outage('2026-03-05T12:00:00', '2026-03-05T14:00:00', { cause: 'force_majeure' }),
      ],
      want: [],
    },
    {
      case: '72 h exactly in a month of outages under 3 h each waives every touched day',
      outages: () => smallOutages(18),
      want: Array.from({ length: 18 }, (_, i) => [
        7,
        `2026-03-${String(i + 1).padStart(2, '0')}`,
        MARCH,
        'over_72h',
      ]),
    },
    {
      case: '71 h 59 min 59 s in a month waives nothing',
      outages: () => [
        ...smallOutages(17),
        outage('2026-03-18T09:00:00', '2026-03-18T11:00:00'),
        outage('2026-03-18T14:00:00', '2026-03-18T15:59:59'),
      ],
      want: [],
    },
  ])('$case', ({ outages, want }) => {
    expect(credits('2026-03', outages())).toEqual(want);
  });

  it('counts an outage across a month end in each month for its part, its days in their own months', () => {
    const cross = [outage('2026-02-28T23:00:00', '2026-03-01T02:00:00')];
    expect(credits('2026-02', cross)).toEqual([[7, '2026-02-28', FEB, 'over_3h']]);
    expect(credits('2026-03', cross)).toEqual([[7, '2026-03-01', MARCH, 'over_3h']]);
  });

  it('adds only the part inside the month to its 72 h: 1 h of a 2 h outage that crosses into April', () => {
    // 17 days × 4 h + 2 h + 1 h = 71 h in March before the crossing one.
    const base = [
      ...smallOutages(17),
      outage('2026-03-18T09:00:00', '2026-03-18T11:00:00'),
      outage('2026-03-19T09:00:00', '2026-03-19T10:00:00'),
    ];
    const oneHourInMarch = outage('2026-03-31T23:00:00', '2026-04-01T01:00:00');
    const march = credits('2026-03', [...base, oneHourInMarch]);
    expect(march).toHaveLength(20);
    expect(march.at(-1)).toEqual([7, '2026-03-31', MARCH, 'over_72h']);
    expect(credits('2026-04', [...base, oneHourInMarch])).toEqual([]);
    const halfHourInMarch = outage('2026-03-31T23:30:00', '2026-04-01T01:30:00');
    expect(credits('2026-03', [...base, halfHourInMarch])).toEqual([]);
  });

  it('never waives a day twice: a 3 h day inside a 72 h month stays one over_3h row', () => {
    const outages = [...smallOutages(17), outage('2026-03-20T08:00:00', '2026-03-20T12:00:00')];
    const rows = credits('2026-03', outages);
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((r) => r[1])).size).toBe(18);
    expect(rows.find((r) => r[1] === '2026-03-20')).toEqual([7, '2026-03-20', MARCH, 'over_3h']);
    // Covered by an all-SIM and a listed-SIM outage the same day: still one row, naming both.
    const both = slaCredits({
      period: '2026-03',
      terms: TERMS_2025,
      simIds: [7],
      outages: [
        {
          id: 101,
          startAt: new Date('2026-03-05T10:00:00+08:00'),
          endAt: new Date('2026-03-05T14:00:00+08:00'),
          cause: 'carrier',
          scope: 'all',
          simIds: [],
        },
        {
          id: 102,
          startAt: new Date('2026-03-05T12:00:00+08:00'),
          endAt: new Date('2026-03-05T16:00:00+08:00'),
          cause: 'carrier',
          scope: 'sims',
          simIds: [7],
        },
      ],
    });
    expect(both).toEqual([
      { simId: 7, day: '2026-03-05', amountFen: MARCH, reason: 'over_3h', outageIds: [101, 102] },
    ]);
  });

  it('applies scope all to every SIM and scope sims only to those listed', () => {
    const outages = [
      outage('2026-03-05T10:00:00', '2026-03-05T14:00:00', { scope: 'all' }),
      outage('2026-03-06T10:00:00', '2026-03-06T14:00:00', { scope: 'sims', simIds: [8] }),
    ];
    expect(credits('2026-03', outages, [7, 8, 9])).toEqual([
      [7, '2026-03-05', MARCH, 'over_3h'],
      [8, '2026-03-05', MARCH, 'over_3h'],
      [8, '2026-03-06', MARCH, 'over_3h'],
      [9, '2026-03-05', MARCH, 'over_3h'],
    ]);
  });

  it('takes the thresholds and fee from the contract given', () => {
    const terms = { ...TERMS_2025, slaDayHours: 2, monthlyFeeFen: 31_000 };
    const rows = slaCredits({
      period: '2026-03',
      terms,
      simIds: [7],
      outages: [outage('2026-03-05T10:00:00', '2026-03-05T12:00:00')],
    });
    expect(rows.map((r) => [r.day, r.amountFen])).toEqual([['2026-03-05', 1_000]]);
  });

  it.each([
    ['2026-02', 27_250, 973],
    ['2028-02', 27_250, 940],
    ['2026-04', 27_250, 908],
    ['2026-03', 27_250, 879],
    ['2026-04', 45, 2],
    ['2026-04', 44, 1],
  ])('values a day of %s at a fee of %i fen at %i fen (half up)', (period, fee, want) => {
    expect(dayValueFen(fee, period)).toBe(want);
  });
});
