import { repairApprovalCauses, repairChargeBillable } from './repair-approval.util';

const THRESHOLD = 20_000;
const base = {
  liability: 'officer' as const,
  costFen: 0,
  liabilityOverridden: false,
  thresholdFen: THRESHOLD,
};

describe('repairApprovalCauses', () => {
  it.each([
    [0, []],
    [19_999, []],
    [20_000, []],
    [20_001, ['amount']],
    [9_999_999, ['amount']],
  ])('an officer-liable cost of %i fen against 20000 needs %j', (costFen, causes) => {
    expect(repairApprovalCauses({ ...base, costFen })).toEqual(causes);
  });

  it('lets bureau- and carrier-liable costs above the threshold through, and a cost not yet known', () => {
    expect(repairApprovalCauses({ ...base, liability: 'bureau', costFen: 99_999 })).toEqual([]);
    expect(repairApprovalCauses({ ...base, liability: 'carrier', costFen: 99_999 })).toEqual([]);
    expect(repairApprovalCauses({ ...base, liability: null, costFen: 99_999 })).toEqual([]);
    expect(repairApprovalCauses({ ...base, costFen: null })).toEqual([]);
  });

  it('holds every liability override, whatever the party and the amount', () => {
    expect(repairApprovalCauses({ ...base, liabilityOverridden: true, costFen: 100 })).toEqual(['override']);
    expect(
      repairApprovalCauses({ ...base, liability: 'carrier', liabilityOverridden: true, costFen: 0 }),
    ).toEqual(['override']);
    expect(repairApprovalCauses({ ...base, liabilityOverridden: true, costFen: 30_000 })).toEqual([
      'amount',
      'override',
    ]);
  });

  it('follows the threshold it is given', () => {
    expect(repairApprovalCauses({ ...base, costFen: 600, thresholdFen: 500 })).toEqual(['amount']);
    expect(repairApprovalCauses({ ...base, costFen: 600, thresholdFen: 600 })).toEqual([]);
  });
});

describe('repairChargeBillable', () => {
  it('bills a charge that needed no approval or was approved, never a pending or rejected one', () => {
    expect(repairChargeBillable(null)).toBe(true);
    expect(repairChargeBillable('approved')).toBe(true);
    expect(repairChargeBillable('pending')).toBe(false);
    expect(repairChargeBillable('rejected')).toBe(false);
  });
});
