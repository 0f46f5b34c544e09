// A demo county bureau: units and officers only, as plain data. Deterministic, so a seeded demo database
// looks the same on every machine and a test can name the people in it.
import { parseBadgeNo, parseMsisdn } from '@fleet/domain/identifiers';

export interface DemoUnit {
  key: string;
  name: string;
  parentKey: string | null;
}

export type DemoOfficerStatus = 'active' | 'transferred' | 'retired';

export interface DemoOfficer {
  badgeNo: string;
  name: string;
  unitKey: string;
  mobile: string;
  status: DemoOfficerStatus;
}

export interface DemoBureau {
  units: DemoUnit[];
  officers: DemoOfficer[];
}

export const DEMO_BUREAU_DEFAULT_SEED = 20251120;
export const DEMO_OFFICER_COUNT = 60;
const TRANSFERRED_COUNT = 2;
const RETIRED_COUNT = 1;

interface UnitPlan extends DemoUnit {
  /** Relative share of officers; every unit still gets at least one. */
  weight: number;
}

// The tree of shared/samples/units.csv, plus 中队 under two 大队 so that there are three levels.
const UNIT_PLAN: readonly UnitPlan[] = [
  { key: 'qiemo-bureau', name: '且末县公安局', parentKey: null, weight: 3 },
  { key: 'chengguan-station', name: '城关派出所', parentKey: 'qiemo-bureau', weight: 8 },
  { key: 'traffic-brigade', name: '交警大队', parentKey: 'qiemo-bureau', weight: 3 },
  { key: 'traffic-urban-squad', name: '城区中队', parentKey: 'traffic-brigade', weight: 4 },
  { key: 'traffic-accident-squad', name: '事故处理中队', parentKey: 'traffic-brigade', weight: 3 },
  { key: 'criminal-brigade', name: '刑侦大队', parentKey: 'qiemo-bureau', weight: 6 },
  { key: 'public-order-brigade', name: '治安大队', parentKey: 'qiemo-bureau', weight: 5 },
  { key: 'tatirang-station', name: '塔提让派出所', parentKey: 'qiemo-bureau', weight: 5 },
  { key: 'qiongkule-station', name: '琼库勒派出所', parentKey: 'qiemo-bureau', weight: 5 },
  { key: 'patrol-brigade', name: '巡特警大队', parentKey: 'qiemo-bureau', weight: 3 },
  { key: 'patrol-special-squad', name: '特勤中队', parentKey: 'patrol-brigade', weight: 4 },
];

// The most common surnames, weighted roughly by how often they occur.
// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 7], ['杨', 5], ['黄', 4], ['赵', 4], ['吴', 3],
  ['周', 3], ['徐', 3], ['孙', 3], ['马', 3], ['朱', 2], ['胡', 2], ['郭', 2], ['何', 2], ['高', 2],
  ['林', 2], ['罗', 2], ['郑', 1], ['梁', 1], ['谢', 1], ['宋', 1], ['唐', 1], ['韩', 1], ['冯', 1],
  ['于', 1], ['董', 1], ['程', 1],
];

// Whole given names as people are actually named, so no syllables are glued into odd combinations.
// prettier-ignore
const GIVEN_NAMES: readonly string[] = [
  '伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇', '杰', '涛', '明', '超', '霞', '平', '刚', '鹏',
  '辉', '斌', '建国', '建华', '志强', '志刚', '国庆', '海燕', '丽娟', '秀英', '晓东', '晓燕', '文博', '俊杰',
  '海涛', '红梅', '玉兰', '春华', '建军', '永刚', '新民', '卫东', '雪梅', '佳怡', '子豪', '浩然', '宇航', '欣怡',
  '志远', '国栋', '立新', '红霞',
];

// Number ranges the three mainland carriers actually issue.
// prettier-ignore
const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191',
  '198', '199',
];

const BADGE_PREFIX = '65';

/** mulberry32: a tiny seeded PRNG returning unsigned 32-bit integers, so no floating point is involved. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

type Random = () => number;

// The modulo bias over 2^32 is negligible for lists this short.
function randomIndex(random: Random, size: number): number {
  return random() % size;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomIndex(random, items.length)];
}

function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let ticket = randomIndex(random, total);
  for (const [item, weight] of items) {
    if (ticket < weight) {
      return item;
    }
    ticket -= weight;
  }
  throw new Error('unreachable: ticket is below the total weight');
}

function randomDigits(random: Random, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) {
    digits += String(randomIndex(random, 10));
  }
  return digits;
}

/** Draws until `make` yields a value not seen before; the pools are far larger than what is drawn. */
function drawUnique(seen: Set<string>, make: () => string): string {
  for (;;) {
    const value = make();
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

function validated(value: string, parse: (input: string) => { ok: boolean }, what: string): string {
  if (!parse(value).ok) {
    throw new Error(`demo bureau generated an invalid ${what}: ${value}`);
  }
  return value;
}

function makeName(random: Random): string {
  return pickWeighted(random, SURNAMES) + pick(random, GIVEN_NAMES);
}

function makeBadgeNo(random: Random): string {
  return validated(BADGE_PREFIX + randomDigits(random, 4), (input) => parseBadgeNo(input), 'badge number');
}

function makeMobile(random: Random): string {
  return validated(pick(random, MOBILE_PREFIXES) + randomDigits(random, 8), parseMsisdn, 'mobile number');
}

/** One officer per unit first so no unit is empty, the rest spread by weight. */
function assignUnits(random: Random, count: number): string[] {
  const weighted = UNIT_PLAN.map((unit) => [unit.key, unit.weight] as const);
  const unitKeys = UNIT_PLAN.map((unit) => unit.key);
  while (unitKeys.length < count) {
    unitKeys.push(pickWeighted(random, weighted));
  }
  return unitKeys;
}

/** Exactly TRANSFERRED_COUNT transferred and RETIRED_COUNT retired officers, at seeded positions. */
function assignStatuses(random: Random, count: number): DemoOfficerStatus[] {
  const statuses: DemoOfficerStatus[] = Array.from({ length: count }, () => 'active');
  const inactive: DemoOfficerStatus[] = [
    ...Array.from({ length: TRANSFERRED_COUNT }, (): DemoOfficerStatus => 'transferred'),
    ...Array.from({ length: RETIRED_COUNT }, (): DemoOfficerStatus => 'retired'),
  ];
  for (const status of inactive) {
    let index = randomIndex(random, count);
    while (statuses[index] !== 'active') {
      index = randomIndex(random, count);
    }
    statuses[index] = status;
  }
  return statuses;
}

export function generateDemoBureau(seed: number = DEMO_BUREAU_DEFAULT_SEED): DemoBureau {
  const random = createRandom(seed);
  const units = UNIT_PLAN.map(({ key, name, parentKey }) => ({ key, name, parentKey }));
  const unitKeys = assignUnits(random, DEMO_OFFICER_COUNT);
  const statuses = assignStatuses(random, DEMO_OFFICER_COUNT);
  const names = new Set<string>();
  const badgeNos = new Set<string>();
  const mobiles = new Set<string>();

  const officers = unitKeys.map((unitKey, i): DemoOfficer => ({
    badgeNo: drawUnique(badgeNos, () => makeBadgeNo(random)),
    // Unique names keep the demo unambiguous when someone picks an officer from a list.
    name: drawUnique(names, () => makeName(random)),
    unitKey,
    mobile: drawUnique(mobiles, () => makeMobile(random)),
    status: statuses[i],
  }));
  // Plain code-unit order, not locale order, so the output cannot depend on the machine's ICU data.
  officers.sort((a, b) => (a.badgeNo < b.badgeNo ? -1 : 1));
  return { units, officers };
}
