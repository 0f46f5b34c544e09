import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  cellText,
  type FileEncoding,
  FileImportError,
  type FileFormat,
  isBlank,
  NOT_A_TABLE_TEXT,
  UNREADABLE_XLSX_TEXT,
} from '@fleet/server/file-import';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** A line of a usage file: its number as a spreadsheet shows it (header usually 1) and its cells. */
export interface UsageLine {
  rowNo: number;
  cells: string[];
}

export const NOT_A_TABLE = new FileImportError(NOT_A_TABLE_TEXT);

/** Longest record the byte reader holds while waiting for its line break: beyond it the file is not a table. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Where a chunk of bytes can be cut: after the last line break outside quotes (as completeRecordsEnd,
 * on bytes: `"` and line breaks are single bytes in UTF-8 and never part of a longer character).
 */
function completeRecordsEndOfBytes(bytes: Buffer): number {
  if (bytes.indexOf(0x22) < 0) return bytes.lastIndexOf(0x0a) + 1;
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const c = bytes[i];
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === 0x0a && !inQuotes) end = i + 1;
  }
  return end;
}

/**
 * A CSV file as UTF-8 bytes in runs of whole records (a GB18030 file is decoded and written as UTF-8
 * on the way), for the byte-level detail reader: no string per line, never the whole file in memory.
 * A UTF-8 byte order mark is dropped; the last run may lack its line break.
 */
export async function* csvByteRuns(
  path: string,
  encoding: FileEncoding,
  /** Bytes [from, to) of the file only (a chunk cut at record boundaries); the whole file without. */
  range?: { from: number; to: number },
): AsyncGenerator<Buffer> {
  const options = {
    highWaterMark: 1024 * 1024,
    ...(range ? { start: range.from, end: range.to - 1 } : {}),
  };
  const source: AsyncIterable<Buffer | string> =
    encoding === 'utf-8'
      ? createReadStream(path, options)
      : createReadStream(path, options).pipe(
          iconv.decodeStream(encoding) as unknown as Readable & NodeJS.WritableStream,
        );
  let rest: Buffer | null = null;
  // A byte order mark can only open the file.
  let first = !range || range.from === 0;
  for await (const piece of source) {
    let bytes: Buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (rest) bytes = Buffer.concat([rest, bytes]);
    if (first && bytes.length >= 3) {
      if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
      first = false;
    }
    const end = completeRecordsEndOfBytes(bytes);
    if (end === 0) {
      if (bytes.length > MAX_RECORD_BYTES) throw NOT_A_TABLE;
      rest = bytes;
      continue;
    }
    rest = end < bytes.length ? bytes.subarray(end) : null;
    yield bytes.subarray(0, end);
  }
  if (rest?.length) yield rest;
}

/**
 * CSV lines, streamed: the file's byte runs of whole records (csvByteRuns) decoded and parsed a run at
 * once, which is ~100× faster than PapaParse's row-by-row stream mode.
 */
async function* csvLines(path: string, encoding: FileEncoding): AsyncGenerator<UsageLine[]> {
  let rowNo = 0;
  for await (const bytes of csvByteRuns(path, encoding)) {
    const run = bytes.toString('utf8');
    // Text files do not hold NUL characters; binary junk uploaded as CSV does.
    if (run.includes('\u0000')) throw NOT_A_TABLE;
    const rows = Papa.parse<string[]>(run, { skipEmptyLines: false }).data;
    // A run ends with a line break, after which Papa sees one more (empty) row.
    if (run.endsWith('\n')) rows.pop();
    yield rows.map((cells) => ({ rowNo: (rowNo += 1), cells }));
  }
}

/** A cell as text; dates as the wall-clock time Excel shows (they carry no zone; the carrier's is UTC+8). */
function usageCellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return cellText(value).trim();
}

async function* xlsxLines(path: string): AsyncGenerator<UsageLine[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        yield [{ rowNo: row.number, cells: Array.from(values, usageCellText) }];
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof FileImportError) throw error;
    throw new FileImportError(UNREADABLE_XLSX_TEXT);
  }
}

/** The lines of a stored usage file, streamed in runs: never the whole file in memory. */
export function usageLines(
  path: string,
  format: FileFormat,
  encoding: FileEncoding | null,
): AsyncGenerator<UsageLine[]> {
  return format === 'xlsx' ? xlsxLines(path) : csvLines(path, encoding ?? 'utf-8');
}

/**
 * The first row with anything in it (the header of a usage file), read without parsing the rest: for a
 * CSV, the lines of its first run of bytes, one by one. Null when the file has none.
 */
export async function firstRow(
  path: string,
  format: FileFormat,
  encoding: FileEncoding | null,
): Promise<string[] | null> {
  if (format === 'xlsx') {
    for await (const run of xlsxLines(path)) {
      const line = run.find((l) => !isBlank(l.cells));
      if (line) return line.cells;
    }
    return null;
  }
  for await (const run of csvByteRuns(path, encoding ?? 'utf-8')) {
    for (let start = 0; start < run.length;) {
      const end = run.indexOf(0x0a, start);
      const text = run.toString('utf8', start, end < 0 ? run.length : end);
      if (text.includes('\u0000')) throw NOT_A_TABLE;
      const cells = Papa.parse<string[]>(text, { delimiter: ',' }).data[0] ?? [];
      if (!isBlank(cells)) return cells;
      start = end < 0 ? run.length : end + 1;
    }
  }
  return null;
}

/** Lines in a CSV file, counted from its bytes: a fast estimate of the rows to come, for progress. */
export async function countLineBreaks(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) count += 1;
  }
  return count;
}
