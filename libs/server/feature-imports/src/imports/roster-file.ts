import {
  cellText,
  detectEncoding,
  type FileEncoding,
  FileImportError,
  type FileFormat,
  NOT_A_TABLE_TEXT,
  UNREADABLE_XLSX_TEXT,
} from '@fleet/server/file-import';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** A line of the file: its number as a spreadsheet shows it (the header is usually 1) and its cells. */
export interface RosterLine {
  rowNo: number;
  cells: string[];
}

function readCsv(content: Buffer, encoding: FileEncoding): RosterLine[] {
  const text = iconv.decode(content, encoding, { stripBOM: true });
  // Text files do not hold NUL characters; binary junk uploaded as CSV does.
  if (text.includes('\u0000')) throw new FileImportError(NOT_A_TABLE_TEXT);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ rowNo: i + 1, cells: cells.map((c) => c ?? '') }));
}

async function readXlsx(content: Buffer): Promise<RosterLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new FileImportError(UNREADABLE_XLSX_TEXT);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new FileImportError({ zh: 'Excel 文件中没有工作表', en: 'The Excel file has no worksheet' });
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
  format: FileFormat,
  encoding: FileEncoding | null,
): Promise<RosterLine[]> {
  return format === 'xlsx' ? readXlsx(content) : readCsv(content, encoding ?? detectEncoding(content));
}
