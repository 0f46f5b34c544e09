import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ApiException } from '../errors/api.exception';
import type { LocalizedText } from '../i18n/lang';

export interface XlsxBounds {
  /** Most bytes all the archive's entries may expand to (XLSX_MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes: number;
  /** Most cells all its worksheets may hold (XLSX_MAX_CELLS). */
  maxCells: number;
}

export type XlsxBoundsResult =
  { ok: true; unzippedBytes: number; cells: number } | { ok: false; reason: LocalizedText };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const DAMAGED: LocalizedText = {
  zh: '无法读取 Excel 文件：文件已损坏，或是旧版 .xls 格式（请另存为 .xlsx 或 CSV）',
  en: 'Cannot read the Excel file: it is damaged or in the old .xls format (save it as .xlsx or CSV)',
};
const ZIP64 = 0xffffffff;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CELL_TEXT = /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i;
/**
 * Excel holds at most 32,767 characters in a cell; as XML text that is at most 6 bytes a character (an
 * escape such as `&quot;`). A longer run of text between two tags is no spreadsheet Excel wrote, and one
 * vast shared string is what takes a parser's memory.
 */
const MAX_TEXT_RUN_BYTES = 32_767 * 6;
// A cell element, with or without a namespace prefix: <c r="A1">, <x:c ...>, <c/>. Not <col>, <cols>.
const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tooBig(max: number): LocalizedText {
  return {
    zh: `Excel 文件解压后超过 ${mb(max)}（XLSX_MAX_UNZIPPED_BYTES），请拆分后再导入`,
    en: `The Excel file expands to more than ${mb(max)} (XLSX_MAX_UNZIPPED_BYTES): split it and import the parts`,
  };
}

const CELL_TOO_LONG: LocalizedText = {
  zh: 'Excel 文件中有单元格超过 32767 个字符（Excel 的上限），无法导入',
  en: 'A cell of the Excel file holds more than 32,767 characters (Excel’s own limit)',
};

function tooManyCells(max: number): LocalizedText {
  return {
    zh: `Excel 文件的单元格超过 ${max} 个（XLSX_MAX_CELLS），请拆分后再导入`,
    en: `The Excel file holds more than ${max} cells (XLSX_MAX_CELLS): split it and import the parts`,
  };
}

/** The archive's central directory: where each entry is and how large it says it is. */
async function readEntries(path: string): Promise<Entry[] | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === ZIP64 || directoryOffset + directorySize > size) return null;
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries: Entry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = directory.readUInt16LE(at + 28);
      entries.push({
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    // Where each entry's data starts: after its local header, whose name and extra field may differ.
    for (const entry of entries) {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.localHeaderOffset);
      if (header.readUInt32LE(0) !== 0x04034b50) return null;
      entry.localHeaderOffset += 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/**
 * Whether an XLSX file stays within the bounds once decompressed, found before any spreadsheet parser
 * reads it: the sizes its archive declares, then the bytes its entries really inflate to (a declared
 * size may lie), stopping at the bound, and the cells its worksheets hold, counted in the stream.
 * So a 2 MB file expanding to 2 GB of XML, or one vast shared string, is refused in a second with
 * little memory instead of taking the worker's.
 */
export async function checkXlsxBounds(path: string, bounds: XlsxBounds): Promise<XlsxBoundsResult> {
  const entries = await readEntries(path).catch(() => null);
  if (!entries) return { ok: false, reason: DAMAGED };
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (
    entries.some((e) => e.compressedSize === ZIP64 || e.uncompressedSize === ZIP64) ||
    declared > bounds.maxUnzippedBytes
  )
    return { ok: false, reason: tooBig(bounds.maxUnzippedBytes) };

  let unzipped = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.method !== 0 && entry.method !== 8) return { ok: false, reason: DAMAGED };
    const countCells = WORKSHEET.test(entry.name);
    const measureText = CELL_TEXT.test(entry.name);
    let tail = '';
    let textRun = 0;
    const verdict = await new Promise<'ok' | 'big' | 'cells' | 'text' | 'damaged'>((resolve) => {
      const raw = createReadStream(path, {
        start: entry.localHeaderOffset,
        end: entry.localHeaderOffset + Math.max(entry.compressedSize, 1) - 1,
      });
      const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
      const stop = (answer: 'big' | 'cells' | 'text' | 'damaged') => {
        raw.destroy();
        source.destroy();
        resolve(answer);
      };
      raw.on('error', () => stop('damaged'));
      source.on('error', () => stop('damaged'));
      source.on('data', (chunk: Buffer) => {
        unzipped += chunk.length;
        if (unzipped > bounds.maxUnzippedBytes) return stop('big');
        if (measureText) {
          // The bytes since the last '<', carried from chunk to chunk.
          for (let at = 0; at < chunk.length;) {
            const tag = chunk.indexOf(0x3c, at);
            textRun += (tag < 0 ? chunk.length : tag) - at;
            if (textRun > MAX_TEXT_RUN_BYTES) return stop('text');
            if (tag < 0) break;
            textRun = 0;
            at = tag + 1;
          }
        }
        if (!countCells) return;
        const text = tail + chunk.toString('latin1');
        for (const match of text.matchAll(CELL)) if (match.index + match[0].length > tail.length) cells++;
        tail = text.slice(-32);
        if (cells > bounds.maxCells) stop('cells');
      });
      source.on('end', () => resolve('ok'));
    });
    if (verdict === 'big') return { ok: false, reason: tooBig(bounds.maxUnzippedBytes) };
    if (verdict === 'cells') return { ok: false, reason: tooManyCells(bounds.maxCells) };
    if (verdict === 'text') return { ok: false, reason: CELL_TOO_LONG };
    if (verdict === 'damaged') return { ok: false, reason: DAMAGED };
  }
  return { ok: true, unzippedBytes: unzipped, cells };
}

/** 400 on `file` unless the XLSX file at `path` is within the configured bounds (checkXlsxBounds). */
export async function requireXlsxWithinBounds(
  path: string,
  limits: { xlsxMaxUnzippedBytes: number; xlsxMaxCells: number },
): Promise<void> {
  const result = await checkXlsxBounds(path, {
    maxUnzippedBytes: limits.xlsxMaxUnzippedBytes,
    maxCells: limits.xlsxMaxCells,
  });
  if (!result.ok) throw ApiException.badRequest([{ field: 'file', reason: result.reason }]);
}
