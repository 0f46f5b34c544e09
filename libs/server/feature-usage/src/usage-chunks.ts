import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type FileEncoding, isBlank, readHead } from '@fleet/server/file-import';
import Papa from 'papaparse';
import { csvByteRuns } from './usage-file-reader';
import { type SimInfo, UsageLoad } from './usage-load';

/** A byte range of a usage file, cut at record boundaries, and the number of its first record. */
export interface UsageChunk {
  chunkNo: number;
  from: number;
  to: number;
  firstRow: number;
}

/** A file cut into chunks, in order. */
export interface CutFile {
  chunks: UsageChunk[];
  /** Records after the header (blank lines included): the rows to come, for progress. */
  rows: number;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Where the header of a CSV file (its first row with anything in it) ends, in bytes from the file's
 * start, and its row number; null when the file's first 64 KB hold no such row.
 */
async function headerOf(path: string): Promise<{ end: number; rowNo: number } | null> {
  const head = await readHead(path);
  let rowNo = 0;
  for (let start = head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0; start < head.length;) {
    const lineBreak = head.indexOf(0x0a, start);
    if (lineBreak < 0) return null;
    rowNo += 1;
    const cells = Papa.parse<string[]>(head.toString('latin1', start, lineBreak).trimEnd(), {
      delimiter: ',',
    }).data[0];
    if (cells && !isBlank(cells)) return { end: lineBreak + 1, rowNo };
    start = lineBreak + 1;
  }
  return null;
}

/**
 * Cuts a CSV usage file into at most `count` byte ranges of about the same size, each ending at a record
 * boundary (a line break outside quotes: in UTF-8 and GB18030 alike `"` and line breaks are single
 * bytes, never part of a longer character), the first holding the header. Counts the records on the
 * way, so each chunk knows the number of its first. One pass over the bytes, searching line breaks
 * (quotes only where the bytes have any). Null when the file has no header in its first MB.
 */
export async function cutUsageFile(path: string, count: number): Promise<CutFile | null> {
  const header = await headerOf(path);
  if (!header) return null;
  const size = (await stat(path)).size;
  const step = Math.ceil(size / count);
  const chunks: UsageChunk[] = [];
  let from = 0;
  let firstRow = 1;
  let records = 0;
  // The first chunk holds the header and at least one record after it.
  let nextCut = Math.max(step, header.end + 1);
  let inQuotes = false;
  let offset = 0;
  const boundary = (at: number) => {
    records += 1;
    if (at >= nextCut && at < size) {
      chunks.push({ chunkNo: chunks.length, from, to: at, firstRow });
      from = at;
      firstRow = records + 1;
      nextCut = Math.max(at + 1, (chunks.length + 1) * step);
    }
  };
  for await (const bytes of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (!inQuotes && bytes.indexOf(0x22) < 0) {
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) boundary(offset + i + 1);
    } else {
      for (let i = 0; i < bytes.length; i += 1) {
        if (bytes[i] === 0x22) inQuotes = !inQuotes;
        else if (bytes[i] === 0x0a && !inQuotes) boundary(offset + i + 1);
      }
    }
    offset += bytes.length;
  }
  // The last record may lack its line break.
  if (from < size) chunks.push({ chunkNo: chunks.length, from, to: size, firstRow });
  return { chunks, rows: Math.max(0, records - header.rowNo) };
}

/**
 * The month of a detail file: its first accepted row's (UsageLoad), read from the start until one is
 * found; null when no row of the file is accepted.
 */
export async function periodOfFile(
  path: string,
  encoding: FileEncoding,
  importId: number,
  sims: Map<string, SimInfo>,
): Promise<string | null> {
  // Almost always the first records have it: their first 64 KB (up to their last line break) first.
  const head = await readHead(path);
  const end = head.lastIndexOf(0x0a) + 1;
  if (end > 0 && end < head.length) {
    const period = await firstPeriod(csvByteRuns(path, encoding, { from: 0, to: end }), importId, sims);
    if (period) return period;
  }
  return firstPeriod(csvByteRuns(path, encoding), importId, sims);
}

async function firstPeriod(
  runs: AsyncIterable<Buffer>,
  importId: number,
  sims: Map<string, SimInfo>,
): Promise<string | null> {
  const load = new UsageLoad('detail', importId, sims, 0);
  for await (const run of runs) {
    load.consumeBytes(run);
    load.takeReady();
    load.rejections.length = 0;
    if (load.period) return load.period;
  }
  return null;
}
