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

/** A value as a spreadsheet cell: numbers stay numbers, text is formula-safe, objects become JSON. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return spreadsheetSafe(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return spreadsheetSafe(JSON.stringify(value));
}

function csvField(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole small CSV file in memory (rejected rows), BOM included, every cell formula-safe. */
export function csvBuffer(header: readonly string[], rows: readonly (readonly unknown[])[]): Buffer {
  const lines = [header.map(spreadsheetSafe), ...rows.map((row) => row.map(toCell))];
  return Buffer.from(UTF8_BOM + lines.map(csvLine).join(''), 'utf8');
}

/**
 * Streams a spreadsheet: the header, then the row batches as they are fetched, so a large export never
 * sits whole in memory. An error while fetching ends the stream with that error.
 */
export function spreadsheetStream(
  format: SpreadsheetFormat,
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly Cell[])[]>,
  sheetName = 'Sheet1',
): Readable {
  if (format === 'csv') {
    return Readable.from(
      (async function* () {
        yield Buffer.from(UTF8_BOM + csvLine(header.map(spreadsheetSafe)), 'utf8');
        for await (const batch of batches) yield Buffer.from(batch.map(csvLine).join(''), 'utf8');
      })(),
    );
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    sheet.addRow(header.map(spreadsheetSafe)).commit();
    for await (const batch of batches) for (const row of batch) sheet.addRow([...row]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
