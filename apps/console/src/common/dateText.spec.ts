import { describe, expect, it } from '@jest/globals';

import { chinaTextOfMoment, isCalendarDate, momentOfChinaText } from './dateText';

describe('dates and moments typed as text', () => {
  it.each([
    ['2026-12-06', true],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026/12/6', false],
    ['12/06/2026', false],
    ['2026-12-6', false],
  ] as const)('%s is a calendar date: %s', (text: string, expected: boolean) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('reads China wall time as a moment at +08:00 and shows a moment back as China wall time', () => {
    expect(momentOfChinaText('2026-03-02 00:30')).toBe('2026-03-02T00:30:00+08:00');
    expect(chinaTextOfMoment('2026-03-01T16:30:00Z')).toBe('2026-03-02 00:30');
    expect(chinaTextOfMoment(momentOfChinaText('2026-12-31 23:59'))).toBe('2026-12-31 23:59');
  });

  it('keeps text being typed as typed, for the validator to refuse', () => {
    expect(momentOfChinaText('2026-03')).toBe('2026-03');
    expect(chinaTextOfMoment('2026-03')).toBe('2026-03');
    expect(momentOfChinaText('2026-03-02 24:00')).toBe('2026-03-02 24:00');
    expect(momentOfChinaText('')).toBeNull();
  });
});
