import { parseBadgeNo, parseMsisdn } from '@fleet/domain/identifiers';

import { type DemoUnit, generateDemoBureau } from './demo-bureau';

function depthOf(unit: DemoUnit, byKey: Map<string, DemoUnit>): number {
  let depth = 1;
  let parentKey = unit.parentKey;
  while (parentKey !== null) {
    const parent = byKey.get(parentKey);
    if (!parent || depth > byKey.size) {
      throw new Error(`unit ${unit.key} has a missing or cyclic parent ${parentKey}`);
    }
    depth++;
    parentKey = parent.parentKey;
  }
  return depth;
}

describe('generateDemoBureau', () => {
  const bureau = generateDemoBureau();
  const { units, officers } = bureau;

  it('returns the same bureau for the same seed', () => {
    expect(generateDemoBureau(7)).toStrictEqual(generateDemoBureau(7));
    expect(generateDemoBureau()).toStrictEqual(bureau);
  });

  it('returns different officers for a different seed', () => {
    expect(generateDemoBureau(7).officers).not.toStrictEqual(generateDemoBureau(8).officers);
  });

  it('has 60 officers with unique badge numbers that pass parseBadgeNo', () => {
    const badgeNos = officers.map((officer) => officer.badgeNo);
    expect(badgeNos).toHaveLength(60);
    expect(new Set(badgeNos).size).toBe(60);
    expect(badgeNos.filter((badgeNo) => !parseBadgeNo(badgeNo).ok)).toStrictEqual([]);
  });

  it('gives every officer a unique mobile number that passes parseMsisdn unchanged', () => {
    const mobiles = officers.map((officer) => officer.mobile);
    expect(new Set(mobiles).size).toBe(officers.length);
    expect(mobiles.filter((mobile) => parseMsisdn(mobile).ok !== true)).toStrictEqual([]);
    expect(mobiles.map((mobile) => parseMsisdn(mobile))).toStrictEqual(
      mobiles.map((mobile) => ({ ok: true, value: mobile })),
    );
  });

  it('names every officer with 2 or 3 Chinese characters', () => {
    expect(officers.filter((officer) => !/^[\u4e00-\u9fff]{2,3}$/.test(officer.name))).toStrictEqual([]);
  });

  it('has 57 active, 2 transferred and 1 retired officers', () => {
    const countOf = (status: string) => officers.filter((officer) => officer.status === status).length;
    expect([countOf('active'), countOf('transferred'), countOf('retired')]).toStrictEqual([57, 2, 1]);
  });

  it('puts every officer in a unit that exists, and leaves no unit empty', () => {
    const unitKeys = new Set(units.map((unit) => unit.key));
    expect(officers.filter((officer) => !unitKeys.has(officer.unitKey))).toStrictEqual([]);
    const staffedUnitKeys = new Set(officers.map((officer) => officer.unitKey));
    expect(units.filter((unit) => !staffedUnitKeys.has(unit.key))).toStrictEqual([]);
  });

  it('builds one tree under 且末县公安局 that is three levels deep, with unique keys and names', () => {
    const byKey = new Map(units.map((unit) => [unit.key, unit]));
    expect(byKey.size).toBe(units.length);
    expect(new Set(units.map((unit) => unit.name)).size).toBe(units.length);
    expect(units.filter((unit) => unit.parentKey === null).map((unit) => unit.name)).toStrictEqual([
      '且末县公安局',
    ]);
    expect(Math.max(...units.map((unit) => depthOf(unit, byKey)))).toBe(3);
  });

  it('keeps every unit of the sample units.csv', () => {
    const names = units.map((unit) => unit.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '且末县公安局',
        '城关派出所',
        '交警大队',
        '刑侦大队',
        '治安大队',
        '塔提让派出所',
        '琼库勒派出所',
        '巡特警大队',
      ]),
    );
  });
});
