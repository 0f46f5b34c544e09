import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { LocalizedText } from '@fleet/server/platform';

export const ROSTER_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type RosterEncoding = (typeof ROSTER_ENCODINGS)[number];
export type RosterFormat = 'csv' | 'xlsx';

/** A file that cannot be read as a roster at all; the import fails as a whole with this text. */
export class RosterFileError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

/** A line of the file: its number as a spreadsheet shows it (the header is usually 1) and its cells. */
export interface RosterLine {
  rowNo: number;
  cells: string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** XLSX files are zip archives; everything else is taken as CSV and judged by its header later. */
export function detectFormat(content: Buffer, fileName: string): RosterFormat {
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
export function detectEncoding(content: Buffer): RosterEncoding {
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

/** The encoding names people type, folded onto the two the reader knows; null when unknown. */
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

export function normalizeEncoding(name: string): RosterEncoding | null {
  const folded = name.trim().toLowerCase().replace(/[-_]/g, '');
  if (folded === 'utf8' || folded === 'utf8bom') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936'].includes(folded)) return 'gb18030';
  if (['utf16', 'utf16le', 'unicode', 'ucs2'].includes(folded)) return 'utf-16le';
  if (folded === 'utf16be') return 'utf-16be';
  return null;
}

const unreadable = (zh: string, en: string) => new RosterFileError({ zh, en });

function readCsv(content: Buffer, encoding: RosterEncoding): RosterLine[] {
  const text = iconv.decode(content, encoding, { stripBOM: true });
  // Text files do not hold NUL characters; binary junk uploaded as CSV does.
  if (text.includes('\u0000')) {
    throw unreadable(
      '文件不是文本表格（CSV）或 Excel 文件，无法读取',
      'The file is neither a CSV text table nor an Excel file',
    );
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ rowNo: i + 1, cells: cells.map((c) => c ?? '') }));
}

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

async function readXlsx(content: Buffer): Promise<RosterLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      '无法读取 Excel 文件：文件已损坏，或是旧版 .xls 格式（请另存为 .xlsx 或 CSV）',
      'Cannot read the Excel file: it is damaged or in the old .xls format (save it as .xlsx or CSV)',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('Excel 文件中没有工作表', 'The Excel file has no worksheet');
  const lines: RosterLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    lines.push({ rowNo, cells: Array.from(values, (v) => cellText(v).trim()) });
  });
  return lines;
}

/** The lines of a CSV (in the given encoding) or of the first sheet of an XLSX file. */
export async function readRosterFile(
  content: Buffer,
  format: RosterFormat,
  encoding: RosterEncoding | null,
): Promise<RosterLine[]> {
  return format === 'xlsx' ? readXlsx(content) : readCsv(content, encoding ?? detectEncoding(content));
}

export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => !c.trim());
