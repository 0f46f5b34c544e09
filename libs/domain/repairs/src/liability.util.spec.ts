import { addDays } from '@fleet/domain/inventory';
import { repairLiability } from './liability.util';
import { PEOPLE_CAUSED, REPAIR_CAUSES, type LiableParty, type RepairCause } from './repair-terms';

// A device received 2025-11-20 has its warranty end 36 months later, on 2028-11-20.
const WARRANTY_END = '2028-11-20';
const HOLDER = 17;

/** When the fault was reported, relative to the warranty end day, and whether that is in warranty. */
const REPORT_DAYS = [
  { when: 'the day before the warranty end', reportedOn: addDays(WARRANTY_END, -1), inWarranty: true },
  // "Reported before the warranty end" (§3.2): the end day itself is no longer before it.
  { when: 'on the warranty-end day', reportedOn: WARRANTY_END, inWarranty: false },
  { when: 'the day after the warranty end', reportedOn: addDays(WARRANTY_END, 1), inWarranty: false },
] as const;

/** The expected payer for each cause, in and out of warranty, when an officer held the device. */
const EXPECTED: Record<RepairCause, { in: LiableParty; out: LiableParty }> = {
  quality: { in: 'carrier', out: 'bureau' },
  drop: { in: 'officer', out: 'officer' },
  screen: { in: 'officer', out: 'officer' },
  water: { in: 'officer', out: 'officer' },
  crush: { in: 'officer', out: 'officer' },
  loss: { in: 'officer', out: 'officer' },
  force_majeure: { in: 'bureau', out: 'bureau' },
  unknown: { in: 'carrier', out: 'bureau' },
};

const cases = REPAIR_CAUSES.flatMap((cause) =>
  REPORT_DAYS.map((day) => ({
    cause,
    ...day,
    party: day.inWarranty ? EXPECTED[cause].in : EXPECTED[cause].out,
  })),
);

describe('repairLiability', () => {
  it('has an expectation for every cause the terms define', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REPAIR_CAUSES].sort());
    expect(cases).toHaveLength(REPAIR_CAUSES.length * 3);
  });

  it.each(cases)(
    '$cause reported $when ($reportedOn): in warranty $inWarranty, $party pays',
    ({ cause, reportedOn, inWarranty, party }) => {
      const result = repairLiability({
        cause,
        reportedOn,
        warrantyEndOn: WARRANTY_END,
        holderOfficerId: HOLDER,
      });
      expect(result.inWarranty).toBe(inWarranty);
      expect(result.party).toBe(party);
      expect(result.officerId).toBe(party === 'officer' ? HOLDER : null);
      expect(result.reason.zh.length).toBeGreaterThan(4);
      expect(result.reason.en.length).toBeGreaterThan(4);
    },
  );

  it('treats a report on the warranty-end day as out of warranty, the day before as in', () => {
    const on = (reportedOn: string) =>
      repairLiability({ cause: 'quality', reportedOn, warrantyEndOn: WARRANTY_END, holderOfficerId: HOLDER });
    expect(on('2028-11-19')).toMatchObject({ inWarranty: true, party: 'carrier' });
    expect(on('2028-11-20')).toMatchObject({ inWarranty: false, party: 'bureau' });
    expect(on('2028-11-20').reason.zh).toContain('不早于保修截止日 2028-11-20');
    expect(on('2028-11-19').reason.en).toContain('before the warranty end 2028-11-20: in warranty');
  });

  it.each(PEOPLE_CAUSED.flatMap((cause) => REPORT_DAYS.map((day) => ({ cause, ...day }))))(
    'puts $cause on the bureau when nobody held the device ($when), saying there was no holder',
    ({ cause, reportedOn, inWarranty }) => {
      const result = repairLiability({
        cause,
        reportedOn,
        warrantyEndOn: WARRANTY_END,
        holderOfficerId: null,
      });
      expect(result).toMatchObject({ inWarranty, party: 'bureau', officerId: null });
      expect(result.reason.zh).toContain('无人领用');
      expect(result.reason.en).toContain('nobody held the device');
    },
  );

  it.each(['quality', 'force_majeure', 'unknown'] as const)(
    'does not depend on a holder for %s (no holder gives the same party)',
    (cause) => {
      for (const { reportedOn } of REPORT_DAYS) {
        const held = repairLiability({
          cause,
          reportedOn,
          warrantyEndOn: WARRANTY_END,
          holderOfficerId: HOLDER,
        });
        const unheld = repairLiability({
          cause,
          reportedOn,
          warrantyEndOn: WARRANTY_END,
          holderOfficerId: null,
        });
        expect(unheld.party).toBe(held.party);
        expect(held.officerId).toBeNull();
      }
    },
  );

  it('says why an unknown cause is not charged to the officer', () => {
    const result = repairLiability({
      cause: 'unknown',
      reportedOn: '2026-03-01',
      warrantyEndOn: WARRANTY_END,
      holderOfficerId: HOLDER,
    });
    expect(result.party).toBe('carrier');
    expect(result.reason.zh).toContain('不能认定为人为损坏');
    expect(result.reason.en).toContain('not proven to be caused by people');
  });

  it('names the cause in a people-caused reason', () => {
    const result = repairLiability({
      cause: 'water',
      reportedOn: '2026-03-01',
      warrantyEndOn: WARRANTY_END,
      holderOfficerId: HOLDER,
    });
    expect(result.reason.zh).toContain('进水');
    expect(result.reason.en).toContain('Water damage');
  });
});
