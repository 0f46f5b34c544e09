import { PassThrough, Readable } from 'node:stream';
import { spreadsheetSafe } from '@fleet/domain/inventory';
import ExcelJS from 'exceljs';

export const SPREADSHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
const UTF8_BOM = '\uFEFF';

export type Cell = string | number | null;

/** A column of a written sheet: its header, width (characters) and how its numbers are shown. */
export interface SheetColumn {
  header: string;
  width?: number;
  /** Decimal places of a number column (money: 2), written so in CSV and as the cell format in XLSX. */
  decimals?: number;
}

/**
 * A value as a spreadsheet cell: numbers stay numbers, dates become ISO text, objects JSON. Text is kept
 * as it is: XLSX writes it as a string cell (never a formula), CSV guards it when written (csvLine).
 */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function csvField(cell: Cell, decimals?: number): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number'
      ? decimals === undefined
        ? String(cell)
        : cell.toFixed(decimals)
      : spreadsheetSafe(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; text that a spreadsheet would run as a formula gets a leading quote (CSV has no cell types). */
export function csvLine(cells: readonly Cell[], columns?: readonly SheetColumn[]): string {
  return `${cells.map((cell, i) => csvField(cell, columns?.[i]?.decimals)).join(',')}\r\n`;
}

/** A whole small CSV file in memory (rejected rows), BOM included, every cell formula-safe. */
export function csvBuffer(header: readonly string[], rows: readonly (readonly unknown[])[]): Buffer {
  const lines = [header, ...rows.map((row) => row.map(toCell))];
  return Buffer.from(UTF8_BOM + lines.map((line) => csvLine(line)).join(''), 'utf8');
}

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

export function sheetNameOf(name: string): string {
  return name.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX) || 'Sheet1';
}

/** The display width of text in Excel's character units: a CJK character is as wide as two Latin ones. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
  return width;
}

/** The cell format of a number column with fixed decimals (thousands separated). */
const numberFormat = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '0');

/**
 * Streams a spreadsheet: the header, then the row batches as they are fetched, so a large export never
 * sits whole in memory. XLSX gets the column widths, a bold frozen header and number formats. An error
 * while fetching ends the stream with that error.
 */
export function spreadsheetStream(
  format: SpreadsheetFormat,
  columns: readonly SheetColumn[],
  batches: AsyncIterable<readonly (readonly Cell[])[]> | Iterable<readonly (readonly Cell[])[]>,
  sheetName = 'Sheet1',
): Readable {
  const header = columns.map((c) => c.header);
  if (format === 'csv') {
    return Readable.from(
      (async function* () {
        yield Buffer.from(UTF8_BOM + csvLine(header), 'utf8');
        for await (const batch of batches) {
          yield Buffer.from(batch.map((row) => csvLine(row, columns)).join(''), 'utf8');
        }
      })(),
    );
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? Math.max(8, displayWidth(c.header) + 2),
    style: c.decimals === undefined ? {} : { numFmt: numberFormat(c.decimals) },
  }));
  void (async () => {
    const headerRow = sheet.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    for await (const batch of batches) for (const row of batch) sheet.addRow([...row]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
