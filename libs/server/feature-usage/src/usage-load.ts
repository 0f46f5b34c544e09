import {
  billableMinutes,
  type DetailColumnIndex,
  DIRECTION_CODE,
  detailColumnIndex,
  type DetailRow,
  emptyScannedDetail,
  ICCID_MISMATCH,
  notAUsageFileMessage,
  OUTSIDE_PERIOD,
  parseDetailRow,
  parseSummaryRow,
  type ScannedDetail,
  scanDetailLine,
  type SummaryRow,
  TYPE_CODE,
  UNKNOWN_MSISDN,
  usageColumns,
  type UsageKind,
  usageOf,
  type UsageTotals,
} from '@fleet/domain/billing';
import type { RowProblem } from '@fleet/domain/inventory';
import { FileImportError, isBlank } from '@fleet/server/file-import';
import Papa from 'papaparse';
import { NOT_A_TABLE } from './usage-file-reader';

export interface SimInfo {
  id: number;
  msisdn: string;
  iccid: string;
  /** The APN of the SIM's APN profile: data on it is APN data (§3.4). */
  apn: string | null;
  activatedOn: string | null;
  termMonths: number | null;
}

export interface Rejection {
  rowNo: number;
  problems: RowProblem[];
  raw: Record<string, string>;
}

/** Parquet's split-block Bloom filter salts: one multiplicative hash per word of a block. */
const SALTS = [
  0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
];

/**
 * A Bloom filter over the records' keys (§3.4: number, type, start, direction, counterpart): it answers
 * "maybe seen" for every key seen before and seldom for a new one. Split-block (as Parquet's): a key
 * sets one bit in each of the 8 words of one 256-bit block, so a probe is one cache line; 64 bits a
 * record (8 MB for a million, about one false alarm in a million records), capped at 32 MB, beyond
 * which false alarms grow and only cost time. A SIM with a "maybe" gets the exact deduplication in
 * SQL; the others, whose records are certainly all different, are simply summed.
 */
export class RecordSieve {
  private readonly words: Uint32Array;
  private readonly blockMask: number;
  // Keys wait in small batches: the lookups of a batch are independent, so the processor overlaps their
  // memory misses (one at a time, the misses cost more than everything else the sieve does).
  private readonly pending1 = new Int32Array(512);
  private readonly pending2 = new Int32Array(512);
  private readonly tags = new Int32Array(512);
  private count = 0;

  /** `onRepeat` hears the tag of each key that may have been added before. */
  constructor(
    expectedRecords: number,
    private readonly onRepeat: (tag: number) => void,
  ) {
    let bits = 1 << 20;
    while (bits < expectedRecords * 64 && bits < 1 << 28) bits *= 2;
    this.words = new Uint32Array(bits / 32);
    this.blockMask = bits / 256 - 1;
  }

  /** Adds a key by its two hashes (block, bits), with a tag to report it by. */
  add(h1: number, h2: number, tag: number): void {
    this.pending1[this.count] = h1;
    this.pending2[this.count] = h2;
    this.tags[this.count] = tag;
    this.count += 1;
    if (this.count === this.pending1.length) this.flush();
  }

  /** Checks and sets the waiting keys, in the order they came. */
  flush(): void {
    for (let k = 0; k < this.count; k += 1) {
      const base = (this.pending1[k] & this.blockMask) * 8;
      const h2 = this.pending2[k];
      let seen = true;
      for (let i = 0; i < 8; i += 1) {
        const flag = 1 << (Math.imul(h2, SALTS[i]) >>> 27);
        const word = base + i;
        if (!(this.words[word] & flag)) {
          seen = false;
          this.words[word] |= flag;
        }
      }
      if (seen) this.onRepeat(this.tags[k]);
    }
    this.count = 0;
  }
}

/** Bytes a key takes in a KeyLog: its two hashes and its SIM, 32 bits each (machine order). */
export const KEY_BYTES = 12;

/**
 * Records' keys as the sieve takes them (two hashes and the SIM's id), in buffers to be written out, so
 * the keys of a file loaded in chunks can be sieved in the file's order once all chunks are loaded:
 * the same suspects as a reading of the whole file.
 */
class KeyLog {
  private buffer = new Int32Array(3 * 16_384);
  private count = 0;
  private readonly ready: Buffer[] = [];

  add(h1: number, h2: number, tag: number): void {
    const at = this.count * 3;
    this.buffer[at] = h1;
    this.buffer[at + 1] = h2;
    this.buffer[at + 2] = tag;
    this.count += 1;
    if (at + 3 === this.buffer.length) this.flush();
  }

  take(all: boolean): Buffer[] {
    if (all && this.count) this.flush();
    return this.ready.splice(0);
  }

  private flush(): void {
    this.ready.push(Buffer.from(this.buffer.buffer, 0, this.count * KEY_BYTES));
    this.buffer = new Int32Array(this.buffer.length);
    this.count = 0;
  }
}

/** Sieves keys written by KeyLog (whole keys, in order); answers the tags of keys that may repeat. */
export function sieveKeys(sieve: RecordSieve, bytes: Buffer): void {
  const keys = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  for (let i = 0; i + 2 < keys.length; i += 3) sieve.add(keys[i] >>> 0, keys[i + 1] >>> 0, keys[i + 2]);
}

// MurmurHash3's 32-bit mixing, for the sieve's two hashes (seeds differ).
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Rows of output a buffer holds before it goes to COPY; a record's line is at most ~300 bytes. */
const OUT_BYTES = 256 * 1024;
const MAX_LINE_BYTES = 1024;

/**
 * One usage file being read: every row accepted or rejected exactly as the domain's readers say, the
 * accepted detail records as COPY text in buffers (ready for the caller to write), summary rows by SIM,
 * rejections with their raw cells, and the counts. A detail CSV is read from its bytes, line by line,
 * the fast way (scanDetailLine) when a line allows it and the general way otherwise; both give the same
 * records. Synchronous: the caller does the I/O between runs.
 */
export class UsageLoad {
  header: string[] = [];
  columns: Record<string, number> | null = null;
  period: string | null = null;
  rowsDone = 0;
  rowsAccepted = 0;
  rowsRejected = 0;
  rejections: Rejection[] = [];
  summary = new Map<number, SummaryRow>();
  /** SIMs with a record whose key may have come before in this file (complete after `takeReady(true)`). */
  readonly suspects = new Set<number>();

  private detailColumns: DetailColumnIndex | null = null;
  private periodCode = 0;
  private periodBytes = Buffer.alloc(0);
  private rowNo = 0;
  private readonly ready: Buffer[] = [];
  private out = Buffer.allocUnsafe(OUT_BYTES);
  private view = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
  private pos = 0;
  private readonly scanned: ScannedDetail = emptyScannedDetail();
  private readonly bounds = new Int32Array(65);
  private readonly byNumber = new Map<number, SimInfo>();
  private readonly sieve: RecordSieve;
  /** A chunk's keys, kept for the sieve its import runs once all chunks are loaded (instead of its own). */
  private keyLog: KeyLog | null = null;
  /** This file's totals per SIM (§3.4), by the SIM's index in `list`: exact where no key repeats. */
  private readonly list: SimInfo[];
  /** SIM id → its index in `list`. */
  private readonly index: Int32Array;
  private readonly apnBytes: (Uint8Array | null)[];
  private readonly touched: Uint8Array;
  private readonly voiceMin: Float64Array;
  private readonly sms: Float64Array;
  private readonly nationalKb: Float64Array;
  private readonly apnKb: Float64Array;

  constructor(
    private readonly kind: UsageKind,
    private readonly importId: number,
    private readonly sims: Map<string, SimInfo>,
    expectedRows: number,
  ) {
    for (const sim of sims.values())
      if (/^\d{11}$/.test(sim.msisdn)) this.byNumber.set(Number(sim.msisdn), sim);
    this.sieve = new RecordSieve(kind === 'detail' ? expectedRows : 0, (simId) => this.suspects.add(simId));
    this.list = [...new Set(sims.values())];
    this.index = new Int32Array(this.list.reduce((max, sim) => Math.max(max, sim.id), 0) + 1);
    this.list.forEach((sim, i) => (this.index[sim.id] = i));
    // An APN in plain ASCII is compared byte by byte, lower case; any other the general way.
    this.apnBytes = this.list.map((sim) => {
      const apn = sim.apn?.trim().toLowerCase() ?? '';
      return /^[\x21-\x7e]+$/.test(apn) ? Buffer.from(apn) : null;
    });
    const n = this.list.length;
    this.touched = new Uint8Array(n);
    this.voiceMin = new Float64Array(n);
    this.sms = new Float64Array(n);
    this.nationalKb = new Float64Array(n);
    this.apnKb = new Float64Array(n);
  }

  /** The file's own totals of each SIM it has records of (every record counted, repeated keys too). */
  fileTotals(): Map<number, UsageTotals> {
    const totals = new Map<number, UsageTotals>();
    this.list.forEach((sim, i) => {
      if (this.touched[i])
        totals.set(sim.id, {
          voiceMin: this.voiceMin[i],
          sms: this.sms[i],
          nationalKb: this.nationalKb[i],
          apnKb: this.apnKb[i],
        });
    });
    return totals;
  }

  private count(sim: SimInfo, usage: UsageTotals): void {
    const i = this.index[sim.id];
    this.touched[i] = 1;
    this.voiceMin[i] += usage.voiceMin;
    this.sms[i] += usage.sms;
    this.nationalKb[i] += usage.nationalKb;
    this.apnKb[i] += usage.apnKb;
  }

  /** usageOf() for a scanned record, without making its strings when the SIM's APN is plain ASCII. */
  private countScanned(run: Buffer, sim: SimInfo): void {
    const s = this.scanned;
    const i = this.index[sim.id];
    this.touched[i] = 1;
    if (s.type === TYPE_CODE.voice) {
      if (s.direction === DIRECTION_CODE.out) {
        this.voiceMin[i] += billableMinutes(digits(run, s.durationStart, s.durationEnd));
      }
      return;
    }
    if (s.type === TYPE_CODE.sms) {
      if (s.direction === DIRECTION_CODE.out) this.sms[i] += 1;
      return;
    }
    const kb = digits(run, s.volumeStart, s.volumeEnd);
    const simApn = this.apnBytes[i];
    let onApn = false;
    if (simApn) {
      onApn = s.apnEnd - s.apnStart === simApn.length;
      for (let p = 0; onApn && p < simApn.length; p += 1) {
        const c = run[s.apnStart + p];
        onApn = (c >= 0x41 && c <= 0x5a ? c + 32 : c) === simApn[p];
      }
    } else if (sim.apn) {
      const apn = s.apnEnd > s.apnStart ? run.toString('latin1', s.apnStart, s.apnEnd) : null;
      onApn =
        usageOf({ type: 'data', direction: null, durationS: null, volumeKb: 1, apn }, sim.apn).apnKb > 0;
    }
    if (onApn) this.apnKb[i] += kb;
    else this.nationalKb[i] += kb;
  }

  /**
   * For a chunk of a file after its first: the file's header (read once by whoever cut the file), the
   * number of the chunk's first record, and the file's month (its first accepted row's, found when the
   * file was cut), so the chunk's rows are numbered, accepted and refused as in a reading of the whole file.
   */
  continueFile(header: string[] | null, firstRow: number, period: string): void {
    if (header) this.cells(0, header);
    this.rowNo = firstRow - 1;
    this.samePeriod(period);
  }

  /** Keeps the records' keys (KeyLog) instead of sieving them: a chunk's, sieved with the file's others later. */
  logKeys(): void {
    this.keyLog = new KeyLog();
  }

  /** The key buffers filled so far (the current one included when `all`); none unless logKeys(). */
  takeKeys(all = false): Buffer[] {
    return this.keyLog?.take(all) ?? [];
  }

  /** The COPY buffers filled so far (the current one included when `all`). */
  takeReady(all = false): Buffer[] {
    if (all) this.sieve.flush();
    if (all && this.pos) this.flushOut();
    return this.ready.splice(0);
  }

  /** A run of whole CSV records as UTF-8 bytes (the last run of a file may lack its line break). */
  consumeBytes(run: Buffer): void {
    let start = 0;
    let nextQuote = run.indexOf(0x22);
    while (start < run.length) {
      const lineBreak = run.indexOf(0x0a, start);
      let end = lineBreak < 0 ? run.length : lineBreak;
      if (nextQuote >= 0 && nextQuote < start) nextQuote = run.indexOf(0x22, start);
      if (nextQuote >= 0 && nextQuote < end) {
        // A quoted field may hold line breaks: the record ends at the first break after an even number of quotes.
        let quotes = 0;
        for (let from = start; ;) {
          for (let i = from; i < end; i += 1) if (run[i] === 0x22) quotes += 1;
          if (quotes % 2 === 0 || end >= run.length) break;
          from = end;
          const more = run.indexOf(0x0a, end + 1);
          end = more < 0 ? run.length : more;
        }
      }
      const next = end < run.length ? end + 1 : run.length;
      const lineEnd = end > start && run[end - 1] === 0x0d ? end - 1 : end;
      this.byteRecord(run, start, lineEnd);
      start = next;
    }
  }

  /** A row read by the general readers (XLSX, a summary, or a CSV line the fast way cannot take). */
  cells(rowNo: number, cells: string[]): void {
    if (isBlank(cells)) return;
    if (!this.columns) {
      const match = usageColumns(this.kind, cells);
      if (match.missing.length) throw new FileImportError(notAUsageFileMessage(this.kind, match.missing));
      this.columns = match.columns;
      this.header = cells.map((h, i) => h.trim() || `#${i + 1}`);
      if (this.kind === 'detail') this.detailColumns = detailColumnIndex(match.columns);
      return;
    }
    const record: Record<string, string> = {};
    for (const key in this.columns) record[key] = cells[this.columns[key]] ?? '';
    this.rowsDone += 1;
    const problems: RowProblem[] = [];
    const parsed = this.kind === 'detail' ? parseDetailRow(record) : parseSummaryRow(record);
    if (!parsed.ok) problems.push(...parsed.problems);
    else {
      const sim = this.sims.get(parsed.value.msisdn);
      if (!sim) problems.push({ field: 'msisdn', reason: UNKNOWN_MSISDN });
      else if ('iccid' in parsed.value && parsed.value.iccid && parsed.value.iccid !== sim.iccid)
        problems.push({ field: 'iccid', reason: ICCID_MISMATCH });
      else if (this.samePeriod(parsed.value.period)) {
        this.rowsAccepted += 1;
        if (this.kind === 'summary') this.summary.set(sim.id, parsed.value as SummaryRow);
        else {
          this.acceptDetail(rowNo, sim, parsed.value as DetailRow);
          this.count(sim, usageOf(parsed.value as DetailRow, sim.apn));
        }
        return;
      } else
        problems.push({
          field: this.kind === 'detail' ? 'startTime' : 'period',
          reason: OUTSIDE_PERIOD(this.period!),
        });
    }
    this.rowsRejected += 1;
    this.rejections.push({
      rowNo,
      problems,
      raw: Object.fromEntries(this.header.map((h, i) => [h, cells[i] ?? ''])),
    });
  }

  /** Whether a row's month is the file's (the first accepted row sets it). */
  private samePeriod(period: string): boolean {
    if (!this.period) {
      this.period = period;
      this.periodCode = Number(period.slice(0, 4)) * 100 + Number(period.slice(5, 7));
      this.periodBytes = Buffer.from(period);
    }
    return period === this.period;
  }

  private byteRecord(run: Buffer, start: number, end: number): void {
    this.rowNo += 1;
    if (end === start) return;
    const scanned = this.scanned;
    if (this.detailColumns && scanDetailLine(run, start, end, this.detailColumns, scanned, this.bounds)) {
      const sim = this.byNumber.get(scanned.msisdn);
      if (
        sim &&
        (scanned.period === this.periodCode || (!this.period && this.samePeriodOfCode(scanned.period)))
      ) {
        this.rowsDone += 1;
        this.rowsAccepted += 1;
        this.acceptScanned(run, sim);
        this.countScanned(run, sim);
        return;
      }
    }
    const text = run.toString('utf8', start, end);
    // Text files do not hold NUL characters; binary junk uploaded as CSV does.
    if (text.includes('\u0000')) throw NOT_A_TABLE;
    const rows = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false }).data;
    this.cells(this.rowNo, rows.length === 1 ? rows[0] : rows.flat());
  }

  private samePeriodOfCode(code: number): boolean {
    const period = `${Math.floor(code / 100)}-${String(code % 100).padStart(2, '0')}`;
    return this.samePeriod(period);
  }

  private flushOut(): void {
    this.ready.push(this.out.subarray(0, this.pos));
    this.out = Buffer.allocUnsafe(OUT_BYTES);
    this.view = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
    this.pos = 0;
  }

  // PostgreSQL's binary COPY format: per record a field count, then each field as its length (-1 for
  // null) and its bytes; integers big-endian, timestamptz as microseconds since 2000-01-01 UTC. The
  // writers take and answer the position in `out`, kept in a local while a record is written.

  /** The fields every record has, up to and including its start. */
  private recordHead(rowNo: number, simId: number, type: number, atMs: number): number {
    if (this.pos + MAX_LINE_BYTES > this.out.length) this.flushOut();
    const v = this.view;
    let p = this.pos;
    v.setInt16(p, RECORD_FIELDS);
    v.setInt32(p + 2, 4);
    v.setInt32(p + 6, this.importId);
    v.setInt32(p + 10, 4);
    v.setInt32(p + 14, rowNo);
    v.setInt32(p + 18, 4);
    v.setInt32(p + 22, simId);
    v.setInt32(p + 26, 7);
    p += 30;
    for (let i = 0; i < 7; i += 1) this.out[p++] = this.periodBytes[i];
    v.setInt32(p, 1);
    this.out[p + 4] = type;
    return this.int64Field(p + 5, (atMs - PG_EPOCH_MS) * 1000);
  }

  private nullField(p: number): number {
    this.view.setInt32(p, -1);
    return p + 4;
  }

  private charField(p: number, code: number): number {
    if (!code) return this.nullField(p);
    this.view.setInt32(p, 1);
    this.out[p + 4] = code;
    return p + 5;
  }

  private int32Field(p: number, value: number | null): number {
    if (value === null) return this.nullField(p);
    this.view.setInt32(p, 4);
    this.view.setInt32(p + 4, value);
    return p + 8;
  }

  /** A whole number of up to 53 bits as int8. */
  private int64Field(p: number, value: number | null): number {
    if (value === null) return this.nullField(p);
    const high = Math.floor(value / 4_294_967_296);
    this.view.setInt32(p, 8);
    this.view.setInt32(p + 4, high);
    this.view.setUint32(p + 8, value - high * 4_294_967_296);
    return p + 12;
  }

  /** Bytes [start, end) of the run as a text field; empty is null. */
  private bytesField(p: number, run: Buffer, start: number, end: number): number {
    if (end <= start) return this.nullField(p);
    this.view.setInt32(p, end - start);
    p += 4;
    const out = this.out;
    for (let i = start; i < end; i += 1) out[p++] = run[i];
    return p;
  }

  private textField(p: number, text: string | null): number {
    if (text === null) return this.nullField(p);
    const length = this.out.write(text, p + 4);
    this.view.setInt32(p, length);
    return p + 4 + length;
  }

  private acceptScanned(run: Buffer, sim: SimInfo): void {
    const s = this.scanned;
    let p = this.recordHead(this.rowNo, sim.id, s.type, s.atMs);
    p = this.charField(p, s.direction);
    p = this.bytesField(p, run, s.counterpartStart, s.counterpartEnd);
    p = this.int32Field(
      p,
      s.durationEnd > s.durationStart ? digits(run, s.durationStart, s.durationEnd) : null,
    );
    p = this.int64Field(p, s.volumeEnd > s.volumeStart ? digits(run, s.volumeStart, s.volumeEnd) : null);
    this.pos = this.bytesField(p, run, s.apnStart, s.apnEnd);
    this.remember(sim.id, s.type | (s.direction << 8), s.atMs, run, s.counterpartStart, s.counterpartEnd);
  }

  private acceptDetail(rowNo: number, sim: SimInfo, r: DetailRow): void {
    const type = TYPE_CODE[r.type];
    const direction = r.direction ? DIRECTION_CODE[r.direction] : 0;
    // At most 32 + 100 characters of text (3 bytes each): within MAX_LINE_BYTES.
    let p = this.recordHead(rowNo, sim.id, type, r.at.getTime());
    p = this.charField(p, direction);
    p = this.textField(p, r.counterpart);
    p = this.int32Field(p, r.durationS);
    p = this.int64Field(p, r.volumeKb);
    this.pos = this.textField(p, r.apn);
    const counterpart = Buffer.from(r.counterpart ?? '', 'utf16le');
    this.remember(sim.id, type | (direction << 8), r.at.getTime(), counterpart, 0, counterpart.length, 2);
  }

  /**
   * Adds the record's key to the sieve: its SIM, type and direction, moment, and the counterpart's
   * characters (bytes of ASCII, or UTF-16 code units at `step` 2: the same numbers for the same text).
   */
  private remember(
    simId: number,
    kind: number,
    atMs: number,
    source: Buffer,
    start: number,
    end: number,
    step = 1,
  ): void {
    const low = atMs % 4_294_967_296;
    const high = Math.floor(atMs / 4_294_967_296);
    let h1 = mix(mix(mix(mix(0x9747b28c, simId), kind), low), high);
    let h2 = mix(mix(mix(mix(0x5bd1e995, simId), kind), low), high);
    for (let i = start; i < end; i += step) {
      const c = step === 1 ? source[i] : source[i] | (source[i + 1] << 8);
      h1 = mix(h1, c);
      h2 = mix(h2, c);
    }
    if (this.keyLog) this.keyLog.add(finalMix(h1), finalMix(h2), simId);
    else this.sieve.add(finalMix(h1), finalMix(h2), simId);
  }
}

/** Fields of a usage record, in the COPY's column order. */
const RECORD_FIELDS = 11;
/** PostgreSQL's epoch, 2000-01-01 UTC, in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;

/** The value of ASCII digits [start, end) (at most 15: exact). */
function digits(run: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) value = value * 10 + run[i] - 0x30;
  return value;
}
