import { describe, expect, it } from '@jest/globals';

import { chinaLocalOf, momentOfChinaLocal } from './chinaTime';

describe('outage times in China Standard Time', () => {
  it('sends a typed wall time with +08:00 and shows a stored moment as its CST wall time', () => {
    expect(momentOfChinaLocal('2026-03-05T10:00')).toBe('2026-03-05T10:00:00+08:00');
    expect(chinaLocalOf('2026-03-05T02:00:00.000Z')).toBe('2026-03-05T10:00');
    expect(chinaLocalOf('2026-02-28T16:30:00.000Z')).toBe('2026-03-01T00:30');
    expect(momentOfChinaLocal('')).toBeNull();
    expect(chinaLocalOf(null)).toBe('');
  });
});
