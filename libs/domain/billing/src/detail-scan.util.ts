/**
 * The fast path of reading a detail record (详单): one CSV line as UTF-8 bytes, in the plain form the
 * carrier's portal writes (11-digit number, `YYYY-MM-DD HH:mm:ss`, no quotes, no padding), read
 * without making a string. It accepts only what parseDetailRow accepts, with the same meaning; a line
 * in any other form (quotes, ISO times, `+86`, spaces, full-width digits, an error to explain) answers
 * false and goes the general way (parseDetailRow), which accepts it or says exactly what is wrong.
 * usage-file.spec.ts holds both paths to the same answers.
 */

/** The file's column of each detail field (-1 when the file has none). */
export interface DetailColumnIndex {
  msisdn: number;
  type: number;
  startTime: number;
  direction: number;
  counterpart: number;
  durationS: number;
  volumeKb: number;
  apn: number;
}

export function detailColumnIndex(columns: Record<string, number>): DetailColumnIndex {
  const at = (key: string) => columns[key] ?? -1;
  return {
    msisdn: at('msisdn'),
    type: at('type'),
    startTime: at('startTime'),
    direction: at('direction'),
    counterpart: at('counterpart'),
    durationS: at('durationS'),
    volumeKb: at('volumeKb'),
    apn: at('apn'),
  };
}

/** Record types and directions as the one-letter codes the records are stored with. */
export const TYPE_CODE = { voice: 0x56, sms: 0x53, data: 0x44 } as const; // V S D
export const DIRECTION_CODE = { out: 0x4f, in: 0x49 } as const; // O I

/**
 * A scanned record: numbers, and byte ranges [start, end) into the line's buffer for the texts that
 * are stored as they are (the local start time, counterpart, duration, volume, APN). An empty range
 * is an absent value.
 */
export interface ScannedDetail {
  /** The 11-digit number as a number (exact: below 2^53). */
  msisdn: number;
  type: number;
  /** Start of the 19-byte local time `YYYY-MM-DD HH:mm:ss` (China Standard Time). */
  time: number;
  /** The billing month as year × 100 + month. */
  period: number;
  /** The instant, in milliseconds since the epoch. */
  atMs: number;
  /** 0 when there is none (data). */
  direction: number;
  counterpartStart: number;
  counterpartEnd: number;
  durationStart: number;
  durationEnd: number;
  volumeStart: number;
  volumeEnd: number;
  apnStart: number;
  apnEnd: number;
}

export function emptyScannedDetail(): ScannedDetail {
  return {
    msisdn: 0,
    type: 0,
    time: 0,
    period: 0,
    atMs: 0,
    direction: 0,
    counterpartStart: 0,
    counterpartEnd: 0,
    durationStart: 0,
    durationEnd: 0,
    volumeStart: 0,
    volumeEnd: 0,
    apnStart: 0,
    apnEnd: 0,
  };
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const MAX_FIELDS = 64;
/** The largest duration that fits the records' integer column. */
export const MAX_DURATION_S = 2_147_483_647;
/** What the detail record's text columns hold; a longer value is rejected with its column, never cut. */
export const MAX_COUNTERPART_LENGTH = 32;
export const MAX_APN_LENGTH = 100;

// UTF-8 bytes of the Chinese words, as 3 × 2 bytes.
const utf8 = (text: string): number[] => Array.from(new TextEncoder().encode(text));
const VOICE_ZH = utf8('语音');
const SMS_ZH = utf8('短信');
const DATA_ZH = utf8('数据');
const CALL_OUT_ZH = utf8('主叫');
const CALL_IN_ZH = utf8('被叫');
const SMS_OUT_ZH = utf8('发送');
const SMS_IN_ZH = utf8('接收');

function sameBytes(buf: Uint8Array, start: number, end: number, word: readonly number[]): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i += 1) if (buf[start + i] !== word[i]) return false;
  return true;
}

/** ASCII letters of `word` (lower case), any case in the buffer. */
function sameAsciiWord(buf: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i += 1) if ((buf[start + i] | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

function recordType(buf: Uint8Array, start: number, end: number): number {
  if (sameBytes(buf, start, end, VOICE_ZH) || sameAsciiWord(buf, start, end, 'voice')) return TYPE_CODE.voice;
  if (sameBytes(buf, start, end, SMS_ZH) || sameAsciiWord(buf, start, end, 'sms')) return TYPE_CODE.sms;
  if (sameBytes(buf, start, end, DATA_ZH) || sameAsciiWord(buf, start, end, 'data')) return TYPE_CODE.data;
  return 0;
}

function direction(buf: Uint8Array, start: number, end: number, type: number): number {
  if (sameAsciiWord(buf, start, end, 'mo')) return DIRECTION_CODE.out;
  if (sameAsciiWord(buf, start, end, 'mt')) return DIRECTION_CODE.in;
  const [out, inbound] = type === TYPE_CODE.voice ? [CALL_OUT_ZH, CALL_IN_ZH] : [SMS_OUT_ZH, SMS_IN_ZH];
  if (sameBytes(buf, start, end, out)) return DIRECTION_CODE.out;
  if (sameBytes(buf, start, end, inbound)) return DIRECTION_CODE.in;
  return 0;
}

/** Digits only, 1 to `maxDigits` of them. */
function isDigits(buf: Uint8Array, start: number, end: number, maxDigits: number): boolean {
  if (end <= start || end - start > maxDigits) return false;
  for (let i = start; i < end; i += 1) if (buf[i] < 0x30 || buf[i] > 0x39) return false;
  return true;
}

function digitsValue(buf: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) value = value * 10 + (buf[i] - 0x30);
  return value;
}

/** Printable ASCII without spaces and backslashes: stored as it is, equal to its trimmed self. */
function isPlainText(buf: Uint8Array, start: number, end: number, maxLength: number): boolean {
  if (end - start > maxLength) return false;
  for (let i = start; i < end; i += 1) {
    const c = buf[i];
    if (c <= 0x20 || c >= 0x7f || c === 0x5c) return false;
  }
  return true;
}

const d2 = (buf: Uint8Array, i: number) => (buf[i] - 0x30) * 10 + (buf[i + 1] - 0x30);

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar, without making a Date (this runs for every record). */
function monthDays(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** `YYYY-MM-DD HH:mm:ss` at `start`, a real moment; fills time, period and atMs. */
function localTime(buf: Uint8Array, start: number, end: number, out: ScannedDetail): boolean {
  if (end - start !== 19) return false;
  for (let i = 0; i < 19; i += 1) {
    const c = buf[start + i];
    const expected = i === 4 || i === 7 ? 0x2d : i === 10 ? 0x20 : i === 13 || i === 16 ? 0x3a : -1;
    if (expected >= 0 ? c !== expected : c < 0x30 || c > 0x39) return false;
  }
  const year = d2(buf, start) * 100 + d2(buf, start + 2);
  const month = d2(buf, start + 5);
  const day = d2(buf, start + 8);
  const hour = d2(buf, start + 11);
  const minute = d2(buf, start + 14);
  const second = d2(buf, start + 17);
  // Years before 1970 and far ahead go the general way (Date.UTC reads 0050 as 1950).
  if (year < 1970 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  if (day > monthDays(year, month) || hour > 23 || minute > 59 || second > 59) return false;
  out.time = start;
  // China Standard Time has had no daylight saving since 1991: wall time − 8 h is the instant.
  out.atMs = Date.UTC(year, month - 1, day, hour, minute, second) - 8 * 3_600_000;
  out.period = year * 100 + month;
  return true;
}

/** Where field `column` starts, or `end` (an empty field) when the line has no such field. */
function fieldStart(bounds: Int32Array, fields: number, end: number, column: number): number {
  return column >= 0 && column < fields ? bounds[column] : end;
}

function fieldEnd(bounds: Int32Array, fields: number, end: number, column: number): number {
  return column >= 0 && column < fields ? bounds[column + 1] - 1 : end;
}

/**
 * Reads the detail record in `buf[start, end)` (a line without its line break) in the fast form.
 * Answers false when the line needs the general reader; `out` is then meaningless.
 */
export function scanDetailLine(
  buf: Uint8Array,
  start: number,
  end: number,
  columns: DetailColumnIndex,
  out: ScannedDetail,
  bounds: Int32Array = new Int32Array(MAX_FIELDS + 1),
): boolean {
  // Field i is [bounds[i], bounds[i + 1] - 1): the comma after it is excluded.
  let fields = 0;
  bounds[0] = start;
  for (let i = start; i < end; i += 1) {
    const c = buf[i];
    if (c === COMMA) {
      fields += 1;
      if (fields >= MAX_FIELDS) return false;
      bounds[fields] = i + 1;
    } else if (c === QUOTE || c === 0) return false;
  }
  fields += 1;
  bounds[fields] = end + 1;
  const ms = fieldStart(bounds, fields, end, columns.msisdn);
  const me = fieldEnd(bounds, fields, end, columns.msisdn);
  if (me - ms !== 11 || buf[ms] !== 0x31 || !isDigits(buf, ms, me, 11)) return false;
  out.msisdn = digitsValue(buf, ms, me);

  const type = recordType(
    buf,
    fieldStart(bounds, fields, end, columns.type),
    fieldEnd(bounds, fields, end, columns.type),
  );
  if (!type) return false;
  out.type = type;
  if (
    !localTime(
      buf,
      fieldStart(bounds, fields, end, columns.startTime),
      fieldEnd(bounds, fields, end, columns.startTime),
      out,
    )
  )
    return false;

  const ds = fieldStart(bounds, fields, end, columns.direction);
  const de = fieldEnd(bounds, fields, end, columns.direction);
  out.counterpartStart = out.counterpartEnd = 0;
  out.durationStart = out.durationEnd = 0;
  out.volumeStart = out.volumeEnd = 0;
  out.apnStart = out.apnEnd = 0;
  if (type === TYPE_CODE.data) {
    if (de !== ds) return false;
    out.direction = 0;
    const vs = fieldStart(bounds, fields, end, columns.volumeKb);
    const ve = fieldEnd(bounds, fields, end, columns.volumeKb);
    if (!isDigits(buf, vs, ve, 15)) return false;
    const as = fieldStart(bounds, fields, end, columns.apn);
    const ae = fieldEnd(bounds, fields, end, columns.apn);
    if (!isPlainText(buf, as, ae, MAX_APN_LENGTH)) return false;
    out.volumeStart = vs;
    out.volumeEnd = ve;
    out.apnStart = as;
    out.apnEnd = ae;
    return true;
  }
  out.direction = direction(buf, ds, de, type);
  if (!out.direction) return false;
  const cs = fieldStart(bounds, fields, end, columns.counterpart);
  const ce = fieldEnd(bounds, fields, end, columns.counterpart);
  if (!isPlainText(buf, cs, ce, MAX_COUNTERPART_LENGTH)) return false;
  out.counterpartStart = cs;
  out.counterpartEnd = ce;
  if (type === TYPE_CODE.voice) {
    const us = fieldStart(bounds, fields, end, columns.durationS);
    const ue = fieldEnd(bounds, fields, end, columns.durationS);
    // Up to 9 digits is always within the column; longer goes the general way, which checks the range.
    if (!isDigits(buf, us, ue, 9)) return false;
    out.durationStart = us;
    out.durationEnd = ue;
  }
  return true;
}
