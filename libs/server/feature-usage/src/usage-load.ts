import {
  billableMinutes,
  type DetailColumnIndex,
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
  UNKNOWN_MSISDN,
  usageColumns,
  type UsageKind,
  usageOf,
  type UsageTotals,
} from '@fleet/domain/billing';
import type { RowProblem } from '@fleet/domain/inventory';
import { isBlank, RosterFileError } from '@fleet/server/feature-imports';
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

const RECORD_TYPE = { voice: 'V', sms: 'S', data: 'D' } as const;
const DIRECTION = { out: 'O', in: 'I' } as const;
const TYPE_BYTE = { voice: 0x56, sms: 0x53, data: 0x44 } as const;
const DIRECTION_BYTE = { out: 0x4f, in: 0x49 } as const;

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/**
 * A Bloom filter over the records' keys (§3.4: number, type, start, direction, counterpart): it answers
 * "maybe seen" for every key seen before and almost never for a new one: 64 bits and 10 probes a
 * record (8 MB for a million; a false alarm is rarer than one in 10^8 records), capped at 32 MB, beyond which false alarms grow
 * and only cost time. A SIM with a "maybe" gets the exact deduplication in SQL; the others, whose
 * records are certainly all different, are simply summed.
 */
export class RecordSieve {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(expectedRecords: number) {
    let size = 1 << 20;
    while (size < expectedRecords * 64 && size < 1 << 28) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** Adds a key by its two hashes; answers whether it may have been added before. */
  add(h1: number, h2: number): boolean {
    let seen = true;
    for (let i = 0; i < 10; i += 1) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if (!(this.bits[word] & flag)) {
        seen = false;
        this.bits[word] |= flag;
      }
    }
    return seen;
  }
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
  /** SIMs with a record whose key may have come before in this file. */
  readonly suspects = new Set<number>();

  private detailColumns: DetailColumnIndex | null = null;
  private periodCode = 0;
  private periodBytes = Buffer.alloc(0);
  private rowNo = 0;
  private readonly ready: Buffer[] = [];
  private out = Buffer.allocUnsafe(OUT_BYTES);
  private pos = 0;
  private readonly prefix: Buffer;
  private readonly scanned: ScannedDetail = emptyScannedDetail();
  private readonly bounds = new Int32Array(65);
  private readonly byNumber = new Map<number, SimInfo>();
  private readonly sieve: RecordSieve;
  /** This file's totals per SIM (§3.4), by the SIM's index in `list`: exact where no key repeats. */
  private readonly list: SimInfo[];
  private readonly index = new Map<number, number>();
  private readonly apnBytes: (Uint8Array | null)[];
  private readonly touched: Uint8Array;
  private readonly voiceMin: Float64Array;
  private readonly sms: Float64Array;
  private readonly nationalKb: Float64Array;
  private readonly apnKb: Float64Array;

  constructor(
    private readonly kind: UsageKind,
    importId: number,
    private readonly sims: Map<string, SimInfo>,
    expectedRows: number,
  ) {
    this.prefix = Buffer.from(`${importId}\t`);
    for (const sim of sims.values())
      if (/^\d{11}$/.test(sim.msisdn)) this.byNumber.set(Number(sim.msisdn), sim);
    this.sieve = new RecordSieve(kind === 'detail' ? expectedRows : 0);
    this.list = [...new Set(sims.values())];
    this.list.forEach((sim, i) => this.index.set(sim.id, i));
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
    const i = this.index.get(sim.id)!;
    this.touched[i] = 1;
    this.voiceMin[i] += usage.voiceMin;
    this.sms[i] += usage.sms;
    this.nationalKb[i] += usage.nationalKb;
    this.apnKb[i] += usage.apnKb;
  }

  /** usageOf() for a scanned record, without making its strings when the SIM's APN is plain ASCII. */
  private countScanned(run: Buffer, sim: SimInfo): void {
    const s = this.scanned;
    const i = this.index.get(sim.id)!;
    this.touched[i] = 1;
    if (s.type === TYPE_BYTE.voice) {
      if (s.direction === DIRECTION_BYTE.out) {
        let seconds = 0;
        for (let p = s.durationStart; p < s.durationEnd; p += 1) seconds = seconds * 10 + run[p] - 0x30;
        this.voiceMin[i] += billableMinutes(seconds);
      }
      return;
    }
    if (s.type === TYPE_BYTE.sms) {
      if (s.direction === DIRECTION_BYTE.out) this.sms[i] += 1;
      return;
    }
    let kb = 0;
    for (let p = s.volumeStart; p < s.volumeEnd; p += 1) kb = kb * 10 + run[p] - 0x30;
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

  /** The COPY buffers filled so far (the current one included when `all`). */
  takeReady(all = false): Buffer[] {
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
      if (match.missing.length) throw new RosterFileError(notAUsageFileMessage(this.kind, match.missing));
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
      this.periodBytes = Buffer.from(`\t${period}\t`);
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
    this.pos = 0;
  }

  private room(): Buffer {
    if (this.pos + MAX_LINE_BYTES > this.out.length) this.flushOut();
    return this.out;
  }

  /** A whole number ≥ 0 below 2^31 (row numbers, ids) in decimal. */
  private writeUint(out: Buffer, value: number): void {
    let digits = 1;
    for (let v = value; v >= 10; v = (v / 10) | 0) digits += 1;
    let p = this.pos + digits;
    this.pos = p;
    let v = value;
    do {
      p -= 1;
      const next = (v / 10) | 0;
      out[p] = 0x30 + v - next * 10;
      v = next;
    } while (v > 0);
  }

  private writeBytes(out: Buffer, bytes: Uint8Array): void {
    let p = this.pos;
    for (let i = 0; i < bytes.length; i += 1) out[p++] = bytes[i];
    this.pos = p;
  }

  /** Bytes [start, end) of the run, or \N when empty; then a separator. */
  private writeField(out: Buffer, run: Buffer, start: number, end: number, separator: number): void {
    let p = this.pos;
    if (end > start) for (let i = start; i < end; i += 1) out[p++] = run[i];
    else {
      out[p++] = 0x5c;
      out[p++] = 0x4e;
    }
    out[p++] = separator;
    this.pos = p;
  }

  private acceptScanned(run: Buffer, sim: SimInfo): void {
    const s = this.scanned;
    const out = this.room();
    this.writeBytes(out, this.prefix);
    this.writeUint(out, this.rowNo);
    out[this.pos++] = 0x09;
    this.writeUint(out, sim.id);
    this.writeBytes(out, this.periodBytes);
    let p = this.pos;
    out[p++] = s.type;
    out[p++] = 0x09;
    for (let i = s.time; i < s.time + 19; i += 1) out[p++] = run[i];
    out[p++] = 0x2b; // +08
    out[p++] = 0x30;
    out[p++] = 0x38;
    out[p++] = 0x09;
    if (s.direction) out[p++] = s.direction;
    else {
      out[p++] = 0x5c;
      out[p++] = 0x4e;
    }
    out[p++] = 0x09;
    this.pos = p;
    this.writeField(out, run, s.counterpartStart, s.counterpartEnd, 0x09);
    this.writeField(out, run, s.durationStart, s.durationEnd, 0x09);
    this.writeField(out, run, s.volumeStart, s.volumeEnd, 0x09);
    this.writeField(out, run, s.apnStart, s.apnEnd, 0x0a);

    let h1 = mix(mix(mix(0x9747b28c, sim.id), s.type | (s.direction << 8)), s.atMs % 4_294_967_296);
    let h2 = mix(mix(mix(0x5bd1e995, sim.id), s.type | (s.direction << 8)), s.atMs % 4_294_967_296);
    h1 = mix(h1, Math.floor(s.atMs / 4_294_967_296));
    h2 = mix(h2, Math.floor(s.atMs / 4_294_967_296));
    for (let i = s.counterpartStart; i < s.counterpartEnd; i += 1) {
      h1 = mix(h1, run[i]);
      h2 = mix(h2, run[i]);
    }
    if (this.sieve.add(finalMix(h1), finalMix(h2) | 1)) this.suspects.add(sim.id);
  }

  private acceptDetail(rowNo: number, sim: SimInfo, r: DetailRow): void {
    const line = `${rowNo}\t${sim.id}\t${this.period}\t${RECORD_TYPE[r.type]}\t${r.at.toISOString()}\t${
      r.direction ? DIRECTION[r.direction] : '\\N'
    }\t${copyText(r.counterpart)}\t${r.durationS ?? '\\N'}\t${r.volumeKb ?? '\\N'}\t${copyText(r.apn)}\n`;
    // At most 32 + 100 characters of text (3 bytes each, escaped twice): within MAX_LINE_BYTES.
    const out = this.room();
    this.prefix.copy(out, this.pos);
    this.pos += this.prefix.length;
    this.pos += out.write(line, this.pos);

    const ms = r.at.getTime();
    const kind = TYPE_BYTE[r.type] | ((r.direction ? DIRECTION_BYTE[r.direction] : 0) << 8);
    let h1 = mix(mix(mix(0x9747b28c, sim.id), kind), ms % 4_294_967_296);
    let h2 = mix(mix(mix(0x5bd1e995, sim.id), kind), ms % 4_294_967_296);
    h1 = mix(h1, Math.floor(ms / 4_294_967_296));
    h2 = mix(h2, Math.floor(ms / 4_294_967_296));
    const counterpart = r.counterpart ?? '';
    for (let i = 0; i < counterpart.length; i += 1) {
      h1 = mix(h1, counterpart.charCodeAt(i));
      h2 = mix(h2, counterpart.charCodeAt(i));
    }
    if (this.sieve.add(finalMix(h1), finalMix(h2) | 1)) this.suspects.add(sim.id);
  }
}
