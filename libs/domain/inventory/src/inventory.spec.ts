import {
  addDays,
  addMonths,
  alertThreshold,
  chinaDateOf,
  daysBetween,
  holderAt,
  isActivationLate,
  isInWarranty,
  leaseEndOn,
  nextDeviceStatus,
  overlaps,
  parseIsoDate,
  planCoversMonth,
  simPlanCoversMonth,
  planEndsOn,
  warrantyEndOn,
} from './index';

describe('calendar', () => {
  it.each([
    ['2025-11-20', 36, '2028-11-20'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts days between dates across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', ''])('refuses %j as a date', (value) => {
    expect(() => parseIsoDate(value)).toThrow(RangeError);
  });

  it.each([
    ['2026-03-13T15:59:59Z', '2026-03-13'],
    ['2026-03-13T16:00:00Z', '2026-03-14'],
  ])('takes the China date of %s', (moment, expected) => {
    expect(chinaDateOf(new Date(moment))).toBe(expected);
  });
});

describe('contract dates', () => {
  it('ends the warranty 36 calendar months after receipt', () => {
    expect(warrantyEndOn('2025-11-20')).toBe('2028-11-20');
    expect(warrantyEndOn('2024-02-29')).toBe('2027-02-28');
  });

  it.each([
    ['2028-11-19', true],
    ['2028-11-20', false],
    ['2028-11-21', false],
  ])('a fault reported on %s is in warranty: %s', (reportedOn, expected) => {
    expect(isInWarranty(reportedOn, '2028-11-20')).toBe(expected);
  });

  it('ends the lease 36 months after it starts', () => {
    expect(leaseEndOn('2025-11-25')).toBe('2028-11-25');
  });

  it.each([
    ['2025-11-25', '2028-10-31'],
    ['2025-11-01', '2028-10-31'],
    ['2026-01-31', '2028-12-31'],
  ])('a plan activated on %s ends on %s', (activatedOn, expected) => {
    expect(planEndsOn(activatedOn)).toBe(expected);
  });

  it.each([
    ['2025-10', false],
    ['2025-11', true],
    ['2028-10', true],
    ['2028-11', false],
  ])('a plan activated 2025-11-25 covers %s: %s', (period, expected) => {
    expect(planCoversMonth('2025-11-25', period)).toBe(expected);
  });

  it.each([
    [{ activatedOn: '2025-11-25', termMonths: null }, '2028-10', true],
    [{ activatedOn: '2025-11-25', termMonths: 12 }, '2026-11', false],
    [{ activatedOn: null, termMonths: null }, '2026-03', false],
  ])('a SIM %j is in plan in %s: %s (never activated: no month is covered)', (sim, period, expected) => {
    expect(simPlanCoversMonth(sim, period)).toBe(expected);
  });
});

describe('custody', () => {
  const t = (s: string) => new Date(s);
  const intervals = [
    { holder: 'A', start: t('2026-03-01T08:00:00+08:00'), end: t('2026-03-14T10:00:00+08:00') },
    { holder: 'B', start: t('2026-03-14T10:00:00+08:00'), end: null },
    { holder: 'X', start: t('2026-03-10T00:00:00+08:00'), end: t('2026-03-20T00:00:00+08:00'), voided: true },
  ];

  it.each([
    ['2026-02-28T12:00:00+08:00', null],
    ['2026-03-01T08:00:00+08:00', 'A'],
    ['2026-03-14T09:59:59+08:00', 'A'],
    ['2026-03-14T10:00:00+08:00', 'B'],
    ['2030-01-01T00:00:00+08:00', 'B'],
  ])(
    'at %s the holder is %s (the end moment belongs to the next holder; voided never counts)',
    (at, holder) => {
      expect(holderAt(intervals, t(at))).toBe(holder);
    },
  );

  it('says when two intervals overlap; touching ends do not', () => {
    expect(overlaps(intervals[0], intervals[1])).toBe(false);
    expect(overlaps(intervals[0], intervals[2])).toBe(true);
    expect(overlaps({ start: t('2026-01-01'), end: null }, { start: t('2027-01-01'), end: null })).toBe(true);
  });
});

describe('device status', () => {
  it.each([
    ['in_stock', 'assign', 'assigned'],
    ['assigned', 'return', 'in_stock'],
    ['assigned', 'lost', 'lost'],
    ['lost', 'found', 'in_stock'],
    ['assigned', 'assign', null],
    ['retired', 'assign', null],
    ['lost', 'return', null],
  ] as const)('%s + %s → %s', (status, event, next) => {
    expect(nextDeviceStatus(status, event)).toBe(next);
  });
});

describe('alerts', () => {
  it.each([
    ['2028-01-01', '2028-11-20', null],
    ['2028-08-22', '2028-11-20', 90],
    ['2028-10-21', '2028-11-20', 30],
    ['2028-11-13', '2028-11-20', 7],
    ['2028-11-20', '2028-11-20', 7],
    ['2028-11-21', '2028-11-20', null],
  ])('on %s, a date due %s has crossed %s', (today, due, expected) => {
    expect(alertThreshold(today, due)).toBe(expected);
  });

  it('flags SIMs not active one month after signing', () => {
    expect(isActivationLate('2025-12-20', '2025-11-20', null)).toBe(false);
    expect(isActivationLate('2025-12-21', '2025-11-20', null)).toBe(true);
    expect(isActivationLate('2026-01-01', '2025-11-20', '2025-12-25')).toBe(true);
    expect(isActivationLate('2026-01-01', '2025-11-20', '2025-11-25')).toBe(false);
  });
});
