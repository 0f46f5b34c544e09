import { describe, expect, it } from '@jest/globals';

import { fenToYuanText, yuanTextToFen } from './money';

describe('yuanTextToFen', () => {
  it('reads whole yuan, one and two decimals exactly', () => {
    expect(yuanTextToFen('380')).toBe(38000);
    expect(yuanTextToFen('380.5')).toBe(38050);
    expect(yuanTextToFen('0.29')).toBe(29);
    // 0.29 * 100 is 28.999999999999996 in floating point: the text is read without it.
    expect(yuanTextToFen('1.13')).toBe(113);
    expect(yuanTextToFen(' 12.00 ')).toBe(1200);
    expect(yuanTextToFen('12.')).toBe(1200);
  });

  it('refuses more than two decimals, signs and words', () => {
    expect(yuanTextToFen('1.234')).toBeNull();
    expect(yuanTextToFen('-5')).toBeNull();
    expect(yuanTextToFen('abc')).toBeNull();
    expect(yuanTextToFen('')).toBeNull();
  });

  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuanText(38000)).toBe('380.00');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(null)).toBe('');
    // react-hook-form hands an empty input '' before anything is typed.
    expect(fenToYuanText('')).toBe('');
    expect(fenToYuanText(Number.NaN)).toBe('');
  });
});
