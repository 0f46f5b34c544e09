import { isLeaseEnded, leaseTransferOutcome } from './lease-end.util';

describe('isLeaseEnded', () => {
  it.each([
    [null, '2030-01-01', false],
    ['2028-11-25', '2028-11-24', false],
    ['2028-11-25', '2028-11-25', true],
    ['2028-11-25', '2029-01-01', true],
  ])('a lease ending %s has ended on %s: %s', (leaseEndOn, asOf, expected) => {
    expect(isLeaseEnded(leaseEndOn, asOf)).toBe(expected);
  });
});

describe('leaseTransferOutcome', () => {
  it.each([
    ['leased', '2028-11-25', '2028-11-24', 'lease_not_ended'],
    ['leased', '2028-11-25', '2028-11-25', 'transfer'],
    ['leased', '2028-11-25', '2028-12-01', 'transfer'],
    ['leased', null, '2028-12-01', 'no_lease_end'],
    ['bureau', '2028-11-25', '2028-12-01', 'unchanged'],
    ['bureau', '2028-11-25', '2028-11-01', 'unchanged'],
  ] as const)('%s device ending %s, transferred on %s → %s', (ownership, leaseEndOn, on, outcome) => {
    expect(leaseTransferOutcome({ ownership, leaseEndOn }, on)).toBe(outcome);
  });
});
