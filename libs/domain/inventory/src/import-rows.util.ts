import {
  type IdentifierKind,
  type IdentifierParseResult,
  identifierErrorMessage,
  parseBadgeNo,
  parseIccid,
  parseImei,
  parseMsisdn,
} from '@fleet/domain/identifiers';
import { formatIsoDate, type IsoDate, isIsoDate } from './calendar.util';
import { leaseEndOn, planEndsOn, warrantyEndOn } from './contract-dates.util';

/**
 * Rows of an uploaded roster (devices, SIM cards, officers, units): which column is which, whatever
 * language or case the header uses, and each row checked with the identifier and date rules. A row
 * either parses into the values to store or into the problems a person must fix, each naming its field.
 */
export const IMPORT_KINDS = ['devices', 'sim_cards', 'officers', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportText {
  zh: string;
  en: string;
}

export interface ImportField {
  key: string;
  label: ImportText;
  /** Header spellings, compared after normalizeHeader(). */
  aliases: readonly string[];
  required: boolean;
}

export interface RowProblem {
  field: string;
  reason: ImportText;
}

export type RowParse<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

/** A row's cells by field key; a field whose column the file lacks is absent (not an empty string). */
export type RowCells = Partial<Record<string, string>>;

const field = (key: string, zh: string, en: string, aliases: string[], required = false): ImportField => ({
  key,
  label: { zh, en },
  aliases: [zh, en, key, ...aliases].map(normalizeHeader),
  required,
});

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  devices: [
    field('model', '型号', 'model', ['机型', '设备型号'], true),
    field('imei1', 'IMEI1', 'IMEI 1', ['imei', '串号', '串号1'], true),
    field('imei2', 'IMEI2', 'IMEI 2', ['串号2']),
    field('serialNumber', '序列号', 'serial number', ['sn', 'serial', 'serialno']),
    field('receivedOn', '收货日期', 'received on', ['到货日期', 'received', 'receiveddate'], true),
    field('dualSystem', '双系统', 'dual system', []),
    field('leaseStartOn', '租赁开始日期', 'lease start', ['leasestarton', '起租日期']),
  ],
  sim_cards: [
    field('iccid', 'ICCID', 'ICCID', [], true),
    field('msisdn', '手机号码', 'MSISDN', ['手机号', '号码', 'phone', 'mobile'], true),
    field('apnProfile', 'APN配置', 'APN profile', ['apn', 'apnname']),
    field('activatedOn', '开通日期', 'activated on', ['activated', 'activationdate']),
    field('realNameRegisteredOn', '实名登记日期', 'real-name registered on', ['实名日期', 'realnamedate']),
    field('deviceImei1', '终端IMEI1', 'device IMEI 1', ['终端imei', 'deviceimei', 'imei1', 'imei']),
    field('slot', '卡槽', 'slot', ['卡槽号']),
  ],
  officers: [
    field('badgeNo', '警号', 'badge number', ['badge', 'badge_no'], true),
    field('name', '姓名', 'name', [], true),
    field('unit', '单位', 'unit', ['所属单位', 'unitname'], true),
    field('mobile', '手机号码', 'mobile', ['手机号', 'msisdn', 'phone']),
    field('status', '状态', 'status', []),
  ],
  units: [
    field('name', '名称', 'name', ['单位名称', '单位'], true),
    field('parent', '上级单位', 'parent', ['上级', 'parentname', 'parent unit']),
  ],
};

const KIND_NAMES: Record<ImportKind, ImportText> = {
  devices: { zh: '设备清单', en: 'device list' },
  sim_cards: { zh: '号卡清单', en: 'SIM card list' },
  officers: { zh: '警员名册', en: 'officer roster' },
  units: { zh: '单位列表', en: 'unit list' },
};

/** Case, width, spaces, underscores and hyphens do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\u3000]/g, '');
}

export interface HeaderMatch {
  /** Field key → index of its column in the header row. */
  columns: Record<string, number>;
  missing: ImportField[];
}

export function matchHeader(kind: ImportKind, header: readonly string[]): HeaderMatch {
  const normalized = header.map(normalizeHeader);
  const columns: Record<string, number> = {};
  const taken = new Set<number>();
  // Exact names first, so "IMEI1" is the device's IMEI1 before it can be taken as an alias.
  for (const pass of ['name', 'alias'] as const) {
    for (const f of IMPORT_FIELDS[kind]) {
      if (f.key in columns) continue;
      const wanted = pass === 'name' ? f.aliases.slice(0, 3) : f.aliases;
      const index = normalized.findIndex((h, i) => !taken.has(i) && h !== '' && wanted.includes(h));
      if (index >= 0) {
        columns[f.key] = index;
        taken.add(index);
      }
    }
  }
  return { columns, missing: IMPORT_FIELDS[kind].filter((f) => f.required && !(f.key in columns)) };
}

/** Why a whole file is refused: it is not a roster of the kind chosen. */
export function notARosterMessage(kind: ImportKind, missing: readonly ImportField[]): ImportText {
  const names = (lang: 'zh' | 'en') => missing.map((f) => f.label[lang]).join(lang === 'zh' ? '、' : ', ');
  return {
    zh: `文件不是${KIND_NAMES[kind].zh}：找不到表头中的列 ${names('zh')}`,
    en: `The file is not a ${KIND_NAMES[kind].en}: the header has no column ${names('en')}`,
  };
}

export function emptyFileMessage(kind: ImportKind): ImportText {
  return {
    zh: `文件中没有${KIND_NAMES[kind].zh}的数据行`,
    en: `The file holds no rows of a ${KIND_NAMES[kind].en}`,
  };
}

export function importFieldLabel(kind: ImportKind, key: string): ImportText {
  return IMPORT_FIELDS[kind].find((f) => f.key === key)?.label ?? { zh: key, en: key };
}

/** Collects a row's problems while its fields are read, so one pass reports all of them. */
class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly cells: RowCells,
  ) {}

  has(key: string): boolean {
    return this.cells[key] !== undefined;
  }

  text(key: string, maxLength: number, required = false): string | null {
    const value = this.cells[key]?.trim() ?? '';
    if (!value) {
      if (required) this.problem(key, '不能为空', 'is empty');
      return null;
    }
    if (value.length > maxLength) {
      this.problem(key, `不能超过 ${maxLength} 个字符`, `may be at most ${maxLength} characters`);
      return null;
    }
    return value;
  }

  identifier(
    key: string,
    kind: IdentifierKind,
    parse: (s: string) => IdentifierParseResult,
    required = false,
  ) {
    const raw = this.cells[key]?.trim() ?? '';
    if (!raw && !required) return null;
    const result = parse(raw);
    if (result.ok) return result.value;
    const detail = result.length === undefined ? {} : { length: result.length };
    const label = importFieldLabel(this.kind, key);
    const zh = identifierErrorMessage(kind, result.reason, 'zh', detail);
    const en = identifierErrorMessage(kind, result.reason, 'en', detail);
    // The domain message says "IMEI"; with two IMEI columns the person needs to know which one.
    this.problems.push({ field: key, reason: { zh: `${label.zh}：${zh}`, en: `${label.en}: ${en}` } });
    return null;
  }

  date(key: string, required = false): IsoDate | null {
    const raw = this.cells[key]?.trim() ?? '';
    if (!raw) {
      if (required) this.problem(key, '不能为空', 'is empty');
      return null;
    }
    const date = parseImportDate(raw);
    if (!date) this.problem(key, '应为日期，如 2025-11-20', 'must be a date like 2025-11-20');
    return date;
  }

  choice<T>(key: string, choices: Record<string, T>, expected: ImportText): T | null {
    const raw = normalizeHeader(this.cells[key] ?? '');
    if (!raw) return null;
    if (raw in choices) return choices[raw];
    this.problem(key, `应为${expected.zh}`, `must be ${expected.en}`);
    return null;
  }

  problem(key: string, zh: string, en: string): void {
    const label = importFieldLabel(this.kind, key);
    this.problems.push({ field: key, reason: { zh: `${label.zh}${zh}`, en: `${label.en} ${en}` } });
  }

  result<T>(value: T): RowParse<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, value };
  }
}

/** `2025-11-20`, `2025/11/20`, `2025.11.20`, `2025年11月20日`, with or without leading zeros. */
export function parseImportDate(raw: string): IsoDate | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.normalize('NFKC').trim());
  if (!match) return null;
  const date = formatIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return isIsoDate(date) ? date : null;
}

const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  是: true,
  有: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  否: false,
  无: false,
};

/** Present keys only: a column the file lacks is left as it is in the database. */
function present<T extends object>(reader: RowReader, values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => reader.has(key) || !FIELD_SOURCES[key]),
  ) as Partial<T>;
}

// Derived values come from a column; they are stored only when that column is in the file.
const FIELD_SOURCES: Record<string, boolean> = {
  imei2: true,
  serialNumber: true,
  dualSystem: true,
  leaseStartOn: true,
  apnProfile: true,
  activatedOn: true,
  realNameRegisteredOn: true,
  deviceImei1: true,
  slot: true,
  mobile: true,
  status: true,
};

export interface DeviceImportRow {
  model: string;
  imei1: string;
  imei2?: string | null;
  serialNumber?: string | null;
  receivedOn: IsoDate;
  warrantyEndOn: IsoDate;
  dualSystem?: boolean;
  leaseStartOn?: IsoDate | null;
  leaseEndOn?: IsoDate | null;
}

export function parseDeviceRow(cells: RowCells): RowParse<DeviceImportRow> {
  const r = new RowReader('devices', cells);
  const model = r.text('model', 100, true);
  const imei1 = r.identifier('imei1', 'imei', parseImei, true);
  const imei2 = r.identifier('imei2', 'imei', parseImei);
  if (imei1 && imei2 === imei1) r.problem('imei2', '不能与 IMEI1 相同', 'must differ from IMEI 1');
  const serialNumber = r.text('serialNumber', 64);
  const receivedOn = r.date('receivedOn', true);
  const dualSystem = r.choice('dualSystem', YES_NO, { zh: '是或否', en: 'yes or no' });
  const leaseStartOn = r.date('leaseStartOn');
  const values: Partial<DeviceImportRow> = present(r, {
    model: model!,
    imei1: imei1!,
    imei2,
    serialNumber,
    receivedOn: receivedOn!,
    warrantyEndOn: receivedOn ? warrantyEndOn(receivedOn) : '',
    dualSystem: dualSystem ?? true,
    leaseStartOn,
  });
  if ('leaseStartOn' in values) values.leaseEndOn = leaseStartOn ? leaseEndOn(leaseStartOn) : null;
  return r.result(values as DeviceImportRow);
}

export interface SimImportRow {
  iccid: string;
  msisdn: string;
  apnProfile?: string | null;
  activatedOn?: IsoDate | null;
  planEndsOn?: IsoDate | null;
  realNameRegisteredOn?: IsoDate | null;
  deviceImei1?: string | null;
  slot?: 1 | 2 | null;
}

export function parseSimRow(cells: RowCells): RowParse<SimImportRow> {
  const r = new RowReader('sim_cards', cells);
  const iccid = r.identifier('iccid', 'iccid', parseIccid, true);
  const msisdn = r.identifier('msisdn', 'msisdn', parseMsisdn, true);
  const apnProfile = r.text('apnProfile', 64);
  const activatedOn = r.date('activatedOn');
  const realNameRegisteredOn = r.date('realNameRegisteredOn');
  const deviceImei1 = r.identifier('deviceImei1', 'imei', parseImei);
  const slot = r.choice<1 | 2>('slot', { '1': 1, '2': 2 }, { zh: '1 或 2', en: '1 or 2' });
  if (deviceImei1 && !slot && !r.problems.some((p) => p.field === 'slot')) {
    r.problem('slot', '不能为空（已填写终端IMEI1）', 'is empty although a device IMEI 1 is given');
  }
  const values: Partial<SimImportRow> = present(r, {
    iccid: iccid!,
    msisdn: msisdn!,
    apnProfile,
    activatedOn,
    realNameRegisteredOn,
    deviceImei1,
    slot,
  });
  if ('activatedOn' in values) values.planEndsOn = activatedOn ? planEndsOn(activatedOn) : null;
  return r.result(values as SimImportRow);
}

export const IMPORT_OFFICER_STATUSES = ['active', 'transferred', 'retired'] as const;

export interface OfficerImportRow {
  badgeNo: string;
  name: string;
  unit: string;
  mobile?: string | null;
  status?: (typeof IMPORT_OFFICER_STATUSES)[number];
}

const OFFICER_STATUS_WORDS: Record<string, OfficerImportRow['status']> = {
  active: 'active',
  在职: 'active',
  transferred: 'transferred',
  调离: 'transferred',
  调出: 'transferred',
  retired: 'retired',
  退休: 'retired',
};

export function parseOfficerRow(cells: RowCells, badgeNoPattern?: RegExp): RowParse<OfficerImportRow> {
  const r = new RowReader('officers', cells);
  const badgeNo = r.identifier('badgeNo', 'badgeNo', (s) => parseBadgeNo(s, badgeNoPattern), true);
  const name = r.text('name', 50, true);
  const unit = r.text('unit', 100, true);
  const mobile = r.identifier('mobile', 'msisdn', parseMsisdn);
  const status = r.choice('status', OFFICER_STATUS_WORDS, {
    zh: '在职、调离或退休（active、transferred、retired）',
    en: 'active, transferred or retired',
  });
  const values = present(r, {
    badgeNo: badgeNo!,
    name: name!,
    unit: unit!,
    mobile,
    status: status ?? 'active',
  });
  return r.result(values as OfficerImportRow);
}

export interface UnitImportRow {
  name: string;
  parent: string | null;
}

export function parseUnitRow(cells: RowCells): RowParse<UnitImportRow> {
  const r = new RowReader('units', cells);
  const name = r.text('name', 100, true);
  const parent = r.text('parent', 100);
  if (name && parent === name) r.problem('parent', '不能是本单位', 'cannot be the unit itself');
  return r.result({ name: name!, parent });
}

/**
 * The order to create units in: every unit after its parent when the parent is in the same file, the
 * file's order otherwise, so a child never looks for a parent that comes later. Cycles keep file order.
 */
export function parentsFirst(units: readonly { name: string; parent: string | null }[]): number[] {
  const byName = new Map<string, number>();
  units.forEach((u, i) => {
    if (!byName.has(u.name)) byName.set(u.name, i);
  });
  const depth = (i: number, seen = new Set<number>()): number => {
    const parent = units[i].parent;
    const p = parent === null ? undefined : byName.get(parent);
    if (p === undefined || p === i || seen.has(p)) return 0;
    seen.add(i);
    return 1 + depth(p, seen);
  };
  return units
    .map((_, i) => ({ i, d: depth(i) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.i);
}
