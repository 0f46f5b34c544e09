import { addDays } from '@fleet/domain/inventory';
import { TERMS_2025 } from './contract.fixture';
import { contractExposure, installmentExposure } from './exposure.util';
import { installmentState, type PaymentFact } from './schedule.util';

const DUE = '2025-12-10';
const AMOUNT = 9_810_000;
const FIRST = { dueOn: DUE, amountFen: AMOUNT };
const pay = (paidOn: string, amountFen = AMOUNT): PaymentFact => ({ paidOn, amountFen });

/** 0.3 % of the full installment for one day: 29,430 fen (294.30 CNY). */
const DAY_48 = 29_430;

describe('installmentExposure (clauses 4.8 and 6.4, §3.6)', () => {
  it.each([
    { case: 'paid on the due date', payments: [pay(DUE)], asOf: '2026-01-31', days: 0, c48: 0 },
    // The day the last part is paid is not overdue: paid the day after the due date, 0 days.
    {
      case: 'paid the day after the due date',
      payments: [pay('2025-12-11')],
      asOf: '2026-01-31',
      days: 0,
      c48: 0,
    },
    { case: 'paid two days after', payments: [pay('2025-12-12')], asOf: '2026-01-31', days: 1, c48: DAY_48 },
    { case: 'unpaid, as of the due date', payments: [], asOf: DUE, days: 0, c48: 0 },
    { case: 'unpaid, as of the day after', payments: [], asOf: '2025-12-11', days: 1, c48: DAY_48 },
    {
      case: 'paid before the due date in part, the rest four days late',
      payments: [pay('2025-12-01', 4_000_000), pay('2025-12-15', 5_810_000)],
      asOf: '2026-01-31',
      // 12-11 … 12-14 on 5,810,000 fen: 4 × 17,430.
      days: 4,
      c48: 69_720,
    },
    {
      case: 'paid late in two parts (the demo): half on 12-20, the rest on 12-31',
      payments: [pay('2025-12-20', 4_905_000), pay('2025-12-31', 4_905_000)],
      asOf: '2026-01-31',
      // 12-11 … 12-19 (9 days) on 9,810,000, then 12-20 … 12-30 (11 days) on 4,905,000.
      days: 20,
      c48: 9 * 29_430 + 11 * 14_715,
    },
    {
      case: 'two parts on the same day, the last part day not overdue',
      payments: [pay('2025-12-13', 1_000), pay('2025-12-13', AMOUNT - 1_000)],
      asOf: '2026-01-31',
      days: 2,
      c48: 2 * DAY_48,
    },
    {
      case: 'a payment dated after asOf does not count yet',
      payments: [pay('2025-12-20')],
      asOf: '2025-12-15',
      days: 5,
      c48: 5 * DAY_48,
    },
    {
      case: '89 days overdue',
      payments: [],
      asOf: addDays(DUE, 89),
      days: 89,
      c48: 89 * DAY_48,
      right: false,
    },
    {
      case: '90 days overdue',
      payments: [],
      asOf: addDays(DUE, 90),
      days: 90,
      c48: 90 * DAY_48,
      right: true,
    },
    {
      case: 'paid on the 91st day: 90 days, the right was reached',
      payments: [pay(addDays(DUE, 91))],
      asOf: '2026-12-31',
      days: 90,
      c48: 90 * DAY_48,
      right: true,
    },
  ])('$case: $days days, 4.8 $c48 fen', ({ payments, asOf, days, c48, right }) => {
    const e = installmentExposure(FIRST, payments, asOf, TERMS_2025);
    expect(e.daysOverdue).toBe(days);
    expect(e.clause48Fen).toBe(c48);
    expect(e.clause64Fen).toBe(days * 100_000);
    expect(e.terminationRight).toBe(right ?? false);
  });

  it('rounds 4.8 half up once per installment, not per day (1.5 + 1.5 fen is 3, not 4)', () => {
    // Day 1 on 1,000,500 fen: 3,001.5; day 2 on 500 fen: 1.5. Exact sum 3,003.
    const e = installmentExposure(
      { dueOn: DUE, amountFen: 1_000_500 },
      [pay('2025-12-12', 1_000_000), pay('2025-12-13', 500)],
      '2025-12-31',
      TERMS_2025,
    );
    expect(e.daysOverdue).toBe(2);
    expect(e.clause48Fen).toBe(3_003);
    // One day on 500 fen is 1.5 fen: half up gives 2.
    expect(
      installmentExposure({ dueOn: DUE, amountFen: 500 }, [], '2025-12-11', TERMS_2025).clause48Fen,
    ).toBe(2);
  });

  it('takes the rates from the contract given (0.5 % and 500.00 CNY a day, 30 days to terminate)', () => {
    const terms = { ...TERMS_2025, lateRateBp: 50, lateDailyFen: 50_000, terminationDays: 30 };
    const e = installmentExposure(FIRST, [], addDays(DUE, 30), terms);
    expect(e).toEqual({
      balanceFen: AMOUNT,
      daysOverdue: 30,
      clause48Fen: 30 * 49_050,
      clause64Fen: 1_500_000,
      terminationRight: true,
    });
  });
});

describe('contractExposure', () => {
  const installments = [
    { id: 1, dueOn: '2025-12-10', amountFen: AMOUNT, payments: [] },
    { id: 2, dueOn: '2026-06-10', amountFen: AMOUNT, payments: [] },
    { id: 3, dueOn: '2026-12-10', amountFen: AMOUNT, payments: [] },
  ];

  it('claims 30 % of the contract total once when two installments are at 90 days', () => {
    const e = contractExposure(TERMS_2025, installments, '2026-09-08');
    expect(e.items.map((i) => [i.installmentId, i.daysOverdue, i.terminationRight])).toEqual([
      [1, 272, true],
      [2, 90, true],
    ]);
    expect(e.terminationRight).toBe(true);
    expect(e.terminationClaimFen).toBe(17_658_000);
    expect(e.clause64Fen).toBe((272 + 90) * 100_000);
    expect(e.clause48Fen).toBe((272 + 90) * DAY_48);
  });

  it('gives no right and no claim at 89 days, and lists only overdue installments', () => {
    const e = contractExposure(TERMS_2025, installments.slice(0, 1), addDays(DUE, 89));
    expect(e).toMatchObject({ terminationRight: false, terminationClaimFen: 0, clause64Fen: 8_900_000 });
    const none = contractExposure(TERMS_2025, installments, DUE);
    expect(none).toEqual({
      asOf: DUE,
      items: [],
      clause48Fen: 0,
      clause64Fen: 0,
      terminationRight: false,
      terminationClaimFen: 0,
    });
  });

  it('shows the two clauses disagree: 4.8 and 6.4 give different sums for the same lateness', () => {
    const e = contractExposure(TERMS_2025, installments.slice(0, 1), addDays(DUE, 10));
    expect(e.clause48Fen).toBe(294_300);
    expect(e.clause64Fen).toBe(1_000_000);
  });
});

describe('installmentState', () => {
  it.each([
    { asOf: '2025-10-01', payments: [], status: 'upcoming', paidFen: 0, paidOn: null },
    { asOf: '2025-11-10', payments: [], status: 'due', paidFen: 0, paidOn: null },
    { asOf: DUE, payments: [], status: 'due', paidFen: 0, paidOn: null },
    { asOf: '2025-12-11', payments: [], status: 'overdue', paidFen: 0, paidOn: null },
    {
      asOf: '2025-12-05',
      payments: [pay('2025-12-01', 100)],
      status: 'partly_paid',
      paidFen: 100,
      paidOn: null,
    },
    { asOf: '2025-12-20', payments: [pay('2025-12-01', 100)], status: 'overdue', paidFen: 100, paidOn: null },
    {
      asOf: '2026-01-31',
      payments: [pay('2025-12-31', 4_905_000), pay('2025-12-20', 4_905_000)],
      status: 'paid',
      paidFen: AMOUNT,
      paidOn: '2025-12-31',
    },
    { asOf: '2025-12-25', payments: [pay('2025-12-31')], status: 'overdue', paidFen: 0, paidOn: null },
  ] as const)(
    'as of $asOf: $status, paid $paidFen, paid on $paidOn',
    ({ asOf, payments, status, paidFen, paidOn }) => {
      expect(installmentState(FIRST, payments, asOf)).toEqual({
        status,
        paidFen,
        paidOn,
        balanceFen: AMOUNT - paidFen,
      });
    },
  );
});
