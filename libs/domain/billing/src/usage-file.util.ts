/**
 * Reading carrier usage files (usage-files.md): which column is which (Chinese or English headers),
 * which kind a header belongs to, and each row parsed and checked. The database lookups (is the number
 * one of our SIMs, does the ICCID match) are the caller's; everything here is pure.
 */
import { parseMsisdn } from '@fleet/domain/identifiers';
import { normalizeHeader, type RowProblem } from '@fleet/domain/inventory';
import { MAX_APN_LENGTH, MAX_COUNTERPART_LENGTH, MAX_DURATION_S } from './detail-scan.util';
import type { Direction, RecordType } from './usage-rules.util';

export type UsageKind = 'summary' | 'detail';

interface UsageField {
  key: string;
  zh: string;
  en: string;
  required: boolean;
}

const f = (key: string, zh: string, en: string, required = true): UsageField => ({ key, zh, en, required });

export const USAGE_FIELDS: Record<UsageKind, readonly UsageField[]> = {
  summary: [
    f('period', '账期', 'period'),
    f('msisdn', '手机号码', 'msisdn'),
    f('iccid', 'ICCID', 'iccid', false),
    f('voiceMin', '主叫分钟', 'voice_min'),
    f('nationalMb', '国内流量MB', 'national_mb'),
    f('apnMb', '定向流量MB', 'apn_mb'),
    f('sms', '短信条数', 'sms'),
    f('carrierOverage', '运营商超额费用', 'carrier_overage', false),
  ],
  detail: [
    f('msisdn', '手机号码', 'msisdn'),
    f('type', '记录类型', 'type'),
    f('startTime', '开始时间', 'start_time'),
    f('direction', '方向', 'direction', false),
    f('counterpart', '对方号码', 'counterpart', false),
    f('durationS', '时长秒', 'duration_s', false),
    f('volumeKb', '流量KB', 'volume_kb', false),
    f('apn', 'APN', 'apn', false),
  ],
};

export interface UsageHeader {
  kind: UsageKind;
  /** field key → index of its column in the file. */
  columns: Record<string, number>;
}

/** The columns of a header for one kind, and the required fields it lacks. */
export function usageColumns(
  kind: UsageKind,
  header: readonly string[],
): { columns: Record<string, number>; missing: string[] } {
  const normalized = header.map(normalizeHeader);
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const field of USAGE_FIELDS[kind]) {
    const index = normalized.findIndex(
      (h) => h === normalizeHeader(field.zh) || h === normalizeHeader(field.en),
    );
    if (index >= 0) columns[field.key] = index;
    else if (field.required) missing.push(`${field.zh} (${field.en})`);
  }
  return { columns, missing };
}

/** The kind a header row belongs to, or null when it is not a usage file's header. */
export function detectUsageKind(header: readonly string[]): UsageKind | null {
  for (const kind of ['detail', 'summary'] as const) {
    if (!usageColumns(kind, header).missing.length) return kind;
  }
  return null;
}

export interface Text {
  zh: string;
  en: string;
}

/** The one message of a file that is not a usage file (or not of the kind stated). */
export function notAUsageFileMessage(kind: UsageKind | null, missing: readonly string[]): Text {
  const what = kind === 'summary' ? '月度汇总' : kind === 'detail' ? '详单' : '话费用量';
  const whatEn = kind === 'summary' ? 'monthly summary' : kind === 'detail' ? 'detail records' : 'usage';
  return {
    zh: `文件不是运营商${what}文件：找不到表头${missing.length ? `（缺少 ${missing.join('、')}）` : ''}`,
    en: `The file is not a carrier ${whatEn} file: no recognisable header${missing.length ? ` (missing ${missing.join(', ')})` : ''}`,
  };
}

export const EMPTY_USAGE_FILE: Text = {
  zh: '文件中没有数据行',
  en: 'The file has no data rows',
};

export const OUTSIDE_PERIOD = (period: string): Text => ({
  zh: `日期不在本文件的账期 ${period} 内`,
  en: `The date is outside the file's period ${period}`,
});

export const UNKNOWN_MSISDN: Text = {
  zh: '号码不是本局的 SIM 卡',
  en: 'The number is not one of our SIM cards',
};
export const ICCID_MISMATCH: Text = {
  zh: 'ICCID 与该号码的 SIM 卡不符',
  en: 'The ICCID does not match the SIM card with this number',
};

type Parse<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

const problem = (field: string, zh: string, en: string): RowProblem => ({ field, reason: { zh, en } });

/** A text cell within its column's length, or a problem naming the column. */
function boundedText(
  cells: Record<string, string | undefined>,
  field: string,
  maxLength: number,
  out: RowProblem[],
): string | null {
  const text = (cells[field] ?? '').trim();
  if (text.length <= maxLength) return text || null;
  out.push(
    problem(
      field,
      `不能超过 ${maxLength} 个字符（此处 ${text.length} 个）`,
      `may be at most ${maxLength} characters (this one has ${text.length})`,
    ),
  );
  return null;
}
const missing = (field: string) => problem(field, '必填项为空', 'Required value is missing');
const negative = (field: string) => problem(field, '不能为负数', 'Must not be negative');

const WHOLE = /^\d+$/;
const DECIMAL_2 = /^(\d+)(?:\.(\d{1,2}))?$/;

/** A whole number ≥ 0, or a problem naming the field. */
function whole(
  cells: Record<string, string | undefined>,
  key: string,
  out: RowProblem[],
  max = Number.MAX_SAFE_INTEGER,
): number | null {
  const text = (cells[key] ?? '').trim();
  if (!text) return (out.push(missing(key)), null);
  if (text.startsWith('-') && WHOLE.test(text.slice(1))) return (out.push(negative(key)), null);
  if (!WHOLE.test(text) || text.length > 15)
    return (out.push(problem(key, '应为非负整数', 'Must be a whole number ≥ 0')), null);
  const value = Number(text);
  if (value > max) return (out.push(problem(key, `不能大于 ${max}`, `Must not exceed ${max}`)), null);
  return value;
}

/**
 * A decimal with up to 2 places as hundredths, in integers (so 0.29 MB is exactly 29, never 28.999…).
 */
export function parseHundredths(text: string): number | null {
  const match = DECIMAL_2.exec(text.trim());
  if (!match || match[1].length > 12) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** MB (up to 2 decimals) to KB: round(MB × 1024), half up, in integer arithmetic. */
export function mbToKb(hundredthsOfMb: number): number {
  return Math.floor((hundredthsOfMb * 1024 + 50) / 100);
}

function decimal(
  cells: Record<string, string | undefined>,
  key: string,
  out: RowProblem[],
  required: boolean,
): number | null {
  const text = (cells[key] ?? '').trim();
  if (!text) return required ? (out.push(missing(key)), null) : null;
  if (text.startsWith('-') && parseHundredths(text.slice(1)) !== null) return (out.push(negative(key)), null);
  const value = parseHundredths(text);
  if (value === null)
    out.push(problem(key, '应为不超过两位小数的非负数', 'Must be a number ≥ 0 with at most 2 decimals'));
  return value;
}

/** `YYYYMM` or `YYYY-MM` → `YYYY-MM`, or null. */
export function parsePeriod(text: string): string | null {
  const match = /^(\d{4})-?(\d{2})$/.exec(text.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return `${match[1]}-${match[2]}`;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A start time: `YYYY-MM-DD HH:mm:ss` in China Standard Time, or ISO 8601 with an offset. Answers the
 * instant and its billing month (the month in UTC+8), or null when it is not a real moment.
 */
export function parseStartTime(text: string): { at: Date; period: string } | null {
  const trimmed = text.trim();
  const local = LOCAL_TIME.exec(trimmed);
  const iso = local ? null : ISO_WITH_OFFSET.exec(trimmed);
  const m = local ?? iso;
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  // Local times are China Standard Time; ISO 8601 carries its own offset.
  const at = local ? new Date(wall - 8 * 3_600_000) : new Date(trimmed);
  const china = new Date(at.getTime() + 8 * 3_600_000);
  return {
    at,
    period: `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`,
  };
}

function msisdnOf(cells: Record<string, string | undefined>, out: RowProblem[]): string | null {
  const text = (cells.msisdn ?? '').trim();
  if (!text) return (out.push(missing('msisdn')), null);
  const parsed = parseMsisdn(text);
  if (!parsed.ok)
    out.push(problem('msisdn', '不是有效的 11 位手机号码', 'Not a valid 11-digit mobile number'));
  return parsed.ok ? parsed.value : null;
}

export interface SummaryRow {
  period: string;
  msisdn: string;
  iccid: string | null;
  voiceMin: number;
  nationalKb: number;
  apnKb: number;
  sms: number;
  carrierOverageFen: number | null;
}

/** One monthly summary row (the SIM lookup and the file's period are the caller's). */
export function parseSummaryRow(cells: Record<string, string | undefined>): Parse<SummaryRow> {
  const out: RowProblem[] = [];
  const periodText = (cells.period ?? '').trim();
  const period = periodText ? parsePeriod(periodText) : null;
  if (!periodText) out.push(missing('period'));
  else if (!period)
    out.push(problem('period', '账期应为 YYYYMM 或 YYYY-MM', 'period must be YYYYMM or YYYY-MM'));
  const msisdn = msisdnOf(cells, out);
  const iccid = (cells.iccid ?? '').trim() || null;
  const voiceMin = whole(cells, 'voiceMin', out);
  const nationalMb = decimal(cells, 'nationalMb', out, true);
  const apnMb = decimal(cells, 'apnMb', out, true);
  const sms = whole(cells, 'sms', out);
  const overage = decimal(cells, 'carrierOverage', out, false);
  if (out.length) return { ok: false, problems: out };
  return {
    ok: true,
    value: {
      period: period!,
      msisdn: msisdn!,
      iccid,
      voiceMin: voiceMin!,
      nationalKb: mbToKb(nationalMb!),
      apnKb: mbToKb(apnMb!),
      sms: sms!,
      // CNY with 2 decimals is exactly fen.
      carrierOverageFen: overage,
    },
  };
}

export interface DetailRow {
  msisdn: string;
  type: RecordType;
  at: Date;
  period: string;
  direction: Direction | null;
  counterpart: string | null;
  durationS: number | null;
  volumeKb: number | null;
  apn: string | null;
}

const TYPES: Record<string, RecordType> = {
  语音: 'voice',
  voice: 'voice',
  短信: 'sms',
  sms: 'sms',
  数据: 'data',
  data: 'data',
};

const DIRECTIONS: Record<'voice' | 'sms', Record<string, Direction>> = {
  voice: { 主叫: 'out', 被叫: 'in', mo: 'out', mt: 'in' },
  sms: { 发送: 'out', 接收: 'in', mo: 'out', mt: 'in' },
};

/** One detail record (the SIM lookup and the file's period are the caller's). */
export function parseDetailRow(cells: Record<string, string | undefined>): Parse<DetailRow> {
  const out: RowProblem[] = [];
  const msisdn = msisdnOf(cells, out);
  const typeText = (cells.type ?? '').trim();
  const type = TYPES[typeText.toLowerCase()] ?? null;
  if (!typeText) out.push(missing('type'));
  else if (!type)
    out.push(
      problem('type', '记录类型应为 语音、短信 或 数据', 'type must be VOICE, SMS or DATA (语音/短信/数据)'),
    );
  const startText = (cells.startTime ?? '').trim();
  const start = startText ? parseStartTime(startText) : null;
  if (!startText) out.push(missing('startTime'));
  else if (!start)
    out.push(
      problem(
        'startTime',
        '开始时间应为 YYYY-MM-DD HH:mm:ss（北京时间）或带时区的 ISO 8601',
        'start_time must be YYYY-MM-DD HH:mm:ss (China time) or ISO 8601 with an offset',
      ),
    );
  const directionText = (cells.direction ?? '').trim();
  let direction: Direction | null = null;
  let durationS: number | null = null;
  let volumeKb: number | null = null;
  let apn: string | null = null;
  let counterpart: string | null = null;
  if (type === 'voice' || type === 'sms') {
    counterpart = boundedText(cells, 'counterpart', MAX_COUNTERPART_LENGTH, out);
    direction = DIRECTIONS[type][directionText.toLowerCase()] ?? null;
    if (!directionText) out.push(missing('direction'));
    else if (!direction)
      out.push(
        type === 'voice'
          ? problem(
              'direction',
              '语音的方向应为 主叫 或 被叫',
              'A call’s direction must be MO or MT (主叫/被叫)',
            )
          : problem(
              'direction',
              '短信的方向应为 发送 或 接收',
              'A message’s direction must be MO or MT (发送/接收)',
            ),
      );
    if (type === 'voice') durationS = whole(cells, 'durationS', out, MAX_DURATION_S);
  } else if (type === 'data') {
    if (directionText) out.push(problem('direction', '数据记录没有方向', 'A data session has no direction'));
    volumeKb = whole(cells, 'volumeKb', out);
    apn = boundedText(cells, 'apn', MAX_APN_LENGTH, out);
  }
  if (out.length) return { ok: false, problems: out };
  return {
    ok: true,
    value: {
      msisdn: msisdn!,
      type: type,
      at: start!.at,
      period: start!.period,
      direction,
      counterpart,
      durationS,
      volumeKb,
      apn,
    },
  };
}

/** The localized label of a field, for a column named in a problem when the file lacks that column. */
export function usageFieldLabel(kind: UsageKind, key: string): string {
  const field = USAGE_FIELDS[kind].find((x) => x.key === key);
  return field ? field.zh : key;
}
