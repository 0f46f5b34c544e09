import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { LocalizedText } from '@fleet/server/platform';

export const FILE_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];
export type FileFormat = 'csv' | 'xlsx';

/** A file that cannot be read as the import's kind at all; the import fails as a whole with this text. */
export class FileImportError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

/** Binary junk uploaded as a table: what both kinds of file say when they meet NUL characters. */
export const NOT_A_TABLE_TEXT: LocalizedText = {
  zh: '文件不是文本表格（CSV）或 Excel 文件，无法读取',
  en: 'The file is neither a CSV text table nor an Excel file',
};

/** A damaged workbook or the old binary .xls format. */
export const UNREADABLE_XLSX_TEXT: LocalizedText = {
  zh: '无法读取 Excel 文件：文件已损坏，或是旧版 .xls 格式（请另存为 .xlsx 或 CSV）',
  en: 'Cannot read the Excel file: it is damaged or in the old .xls format (save it as .xlsx or CSV)',
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** XLSX files are zip archives; everything else is taken as CSV and judged by its header later. */
export function detectFormat(content: Buffer, fileName: string): FileFormat {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  return /\.xlsx?$/i.test(fileName) ? 'xlsx' : 'csv';
}

/**
 * UTF-16 (Excel's "Unicode text") by its byte order mark, or without one by the zero bytes its ASCII
 * characters (digits, commas, line breaks) carry in every other byte; null when the text is not UTF-16.
 */
export function detectUtf16(content: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf-16le';
  if (content[0] === 0xfe && content[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(content.length, 4096) >> 1;
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (content[2 * i] === 0) evenZeros++;
    if (content[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 when it looks like UTF-16 (detectUtf16); UTF-8 when the file has a BOM or is valid UTF-8
 * throughout; otherwise GB18030 (a superset of GBK and GB2312, what Excel on a Chinese Windows saves).
 * Valid UTF-8 is very unlikely to be GBK text by chance.
 */
export function detectEncoding(content: Buffer): FileEncoding {
  const utf16 = detectUtf16(content);
  if (utf16) return utf16;
  if (content.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Where a CSV mixes UTF-8 with GBK/GB18030 (lines pasted from two sources): the first line in the
 * encoding that comes second, and which one that is; null when the file keeps to one. A line counts as
 * UTF-8 when it is valid UTF-8 holding at least two Chinese characters (GBK text is valid UTF-8 that
 * way practically never), as GBK when it is not valid UTF-8.
 */
export function mixedEncoding(content: Buffer): { line: number; encoding: 'UTF-8' | 'GBK' } | null {
  let firstUtf8: number | null = null;
  let firstGbk: number | null = null;
  let lineNo = 0;
  for (let start = 0; start < content.length;) {
    let end = content.indexOf(0x0a, start);
    if (end < 0) end = content.length;
    const line = content.subarray(start, end);
    start = end + 1;
    lineNo++;
    if (!line.some((b) => b >= 0x80)) continue;
    let text: string | null = null;
    try {
      text = STRICT_UTF8.decode(line);
    } catch {
      firstGbk ??= lineNo;
    }
    if (text !== null && (text.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2) firstUtf8 ??= lineNo;
    if (firstUtf8 !== null && firstGbk !== null)
      return firstGbk > firstUtf8
        ? { line: firstGbk, encoding: 'GBK' }
        : { line: firstUtf8, encoding: 'UTF-8' };
  }
  return null;
}

/** The words for a mixed file: which line, which encodings, what to do. */
export function mixedEncodingText({
  line,
  encoding,
}: {
  line: number;
  encoding: 'UTF-8' | 'GBK';
}): LocalizedText {
  const other = encoding === 'GBK' ? 'UTF-8' : 'GBK';
  return {
    zh: `文件混用了 UTF-8 和 GBK 两种编码：第 ${line} 行是 ${encoding}，之前的行是 ${other}。请统一另存为 UTF-8 后再导入`,
    en: `The file mixes the UTF-8 and GBK encodings: line ${line} is ${encoding}, the lines before it ${other}. Save it all as UTF-8 and import it again`,
  };
}

/** What the encoding parameter may name, for the message that refuses another. */
export const ENCODING_CHOICES = {
  zh: '编码应为 UTF-8、GBK/GB18030 或 UTF-16（LE/BE）',
  en: 'encoding must be UTF-8, GBK/GB18030 or UTF-16 (LE/BE)',
};

/** The encoding names people type, folded onto the ones the readers know; null when unknown. */
export function normalizeEncoding(name: string): FileEncoding | null {
  const folded = name.trim().toLowerCase().replace(/[-_]/g, '');
  if (folded === 'utf8' || folded === 'utf8bom') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936'].includes(folded)) return 'gb18030';
  if (['utf16', 'utf16le', 'unicode', 'ucs2'].includes(folded)) return 'utf-16le';
  if (folded === 'utf16be') return 'utf-16be';
  return null;
}

/** A spreadsheet cell as text (dates as their day; a formula by its result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText(value.result);
  if ('error' in value) return '';
  return '';
}

export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => !c.trim());

/** How much of a file's start is read to tell its format and encoding when the file is not read whole. */
export const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file, enough to tell its format and encoding. */
export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Format and encoding from the file's first bytes. The head is cut at its last line break (ASCII in
 * both UTF-8 and GB18030), so a character split at the cut does not make UTF-8 look invalid.
 */
export function detectFileType(
  head: Buffer,
  fileName: string,
): { format: FileFormat; encoding: FileEncoding | null } {
  const format = detectFormat(head, fileName);
  if (format === 'xlsx') return { format, encoding: null };
  const cut = head.length === HEAD_BYTES ? head.lastIndexOf(0x0a) : -1;
  return { format, encoding: detectEncoding(cut > 0 ? head.subarray(0, cut + 1) : head) };
}
