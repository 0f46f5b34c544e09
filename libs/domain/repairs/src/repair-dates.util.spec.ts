import { repairChargePeriod, repairTicketNo } from './repair-dates.util';

describe('repair dates', () => {
  it('charges a repair to the month it closed in China time', () => {
    expect(repairChargePeriod(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01');
    // 16:00 UTC on the 31st is midnight of February 1st in Beijing.
    expect(repairChargePeriod(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02');
  });

  it('numbers a ticket by the year it was reported (China time) and its id', () => {
    expect(repairTicketNo(123, new Date('2026-03-02T08:00:00+08:00'))).toBe('WX-2026-000123');
    expect(repairTicketNo(7, new Date('2025-12-31T16:30:00Z'))).toBe('WX-2026-000007');
  });
});
