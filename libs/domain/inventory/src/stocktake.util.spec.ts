import { scanOutcome, stocktakeExpected, stocktakeOutcome, unitSubtree } from './stocktake.util';

describe('unitSubtree', () => {
  // 1 bureau → 2 brigade → 3 station → 4 squad; 5 another brigade
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: 3 },
    { id: 5, parentId: 1 },
  ];

  it.each([
    [1, [1, 2, 3, 4, 5]],
    [2, [2, 3, 4]],
    [4, [4]],
    [5, [5]],
  ])('the subtree of %i is %j', (root, expected) => {
    expect([...unitSubtree(units, root)].sort()).toEqual(expected);
  });

  it('stops at a cycle in bad data', () => {
    expect([...unitSubtree([...units, { id: 1, parentId: 4 }], 2)].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('stocktakeExpected', () => {
  const devices = [
    { id: 1, status: 'assigned', holderUnitId: 3, unitId: 5 }, // held in the subtree, kept elsewhere
    { id: 2, status: 'assigned', holderUnitId: 5, unitId: 3 }, // held elsewhere, kept in the subtree
    { id: 3, status: 'in_stock', holderUnitId: null, unitId: 4 },
    { id: 4, status: 'in_stock', holderUnitId: null, unitId: null },
    { id: 5, status: 'retired', holderUnitId: null, unitId: 3 },
    { id: 6, status: 'lost', holderUnitId: null, unitId: 2 },
  ];

  it.each([
    ['a unit and its sub-units', new Set([2, 3, 4]), [1, 3, 6]],
    ['another unit', new Set([5]), [2]],
    ['the whole bureau', null, [1, 2, 3, 4, 6]],
    ['an empty unit', new Set([9]), []],
  ])('expects for %s: %j', (_name, unitIds, expected) => {
    expect(stocktakeExpected(devices, unitIds)).toEqual(expected);
  });
});

describe('stocktakeOutcome', () => {
  it.each([
    ['nothing scanned', [1, 2], [], { found: [], missing: [1, 2], unexpected: [], unknownImeis: [] }],
    [
      'all found, scanned twice via both IMEIs',
      [2, 1],
      [
        { imei: 'a', deviceId: 1 },
        { imei: 'b', deviceId: 1 },
        { imei: 'c', deviceId: 2 },
      ],
      { found: [1, 2], missing: [], unexpected: [], unknownImeis: [] },
    ],
    [
      'a mix',
      [1, 2, 3],
      [
        { imei: 'x', deviceId: 3 },
        { imei: 'y', deviceId: 7 },
        { imei: 'z2', deviceId: null },
        { imei: 'z1', deviceId: null },
      ],
      { found: [3], missing: [1, 2], unexpected: [7], unknownImeis: ['z1', 'z2'] },
    ],
    [
      'nothing expected',
      [],
      [{ imei: 'x', deviceId: 4 }],
      { found: [], missing: [], unexpected: [4], unknownImeis: [] },
    ],
  ])('%s', (_name, expected, scans, outcome) => {
    expect(stocktakeOutcome(expected, scans)).toEqual(outcome);
  });
});

describe('scanOutcome', () => {
  it.each([
    [1, 'found'],
    [9, 'unexpected'],
    [null, 'unknown'],
  ] as const)('device %s → %s', (deviceId, outcome) => {
    expect(scanOutcome([1, 2], deviceId)).toBe(outcome);
  });
});
