import { chinaDateOf } from '@fleet/domain/inventory';
import { KB_PER_GB, KB_PER_MB, YES_NO_LABELS, chinaMoment } from '@fleet/shared/contracts';
import type { Lang } from '../i18n/lang';
import type { ExportColumn, ExportColumnKind } from './export.registry';
import { type Cell, type SheetColumn, displayWidth, toCell } from './spreadsheet-files';

/** Names of the ids on a page, per lookup. */
export type PageNames = ReadonlyMap<string, ReadonlyMap<number, string>>;

const DECIMALS: Partial<Record<ExportColumnKind, number>> = { money: 2, gb: 2, mb: 2 };
/** Widths of kinds whose text has a known length (a moment is 16 characters). */
const FIXED_WIDTH: Partial<Record<ExportColumnKind, number>> = { date: 12, moment: 18 };
const MAX_WIDTH = 50;

const asNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const scaled = (value: unknown, divisor: number): number | null => {
  const n = asNumber(value);
  return n === null ? null : Math.round((n / divisor) * 100) / 100;
};

export function rawValue<T>(column: ExportColumn<T>, row: T): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

/** A column's value as the cell a person reads (labels, names, China time, yuan, GB). */
export function exportCell<T>(column: ExportColumn<T>, row: T, lang: Lang, names: PageNames): Cell {
  const value = rawValue(column, row);
  if (value === null || value === undefined) return null;
  switch (column.kind ?? 'text') {
    case 'number':
      return asNumber(value);
    case 'money':
      return scaled(value, 100);
    case 'gb':
      return scaled(value, KB_PER_GB);
    case 'mb':
      return scaled(value, KB_PER_MB);
    case 'date':
      return value instanceof Date ? chinaDateOf(value) : (toCell(value)?.toString().slice(0, 10) ?? null);
    case 'moment':
      return chinaMoment(value as string | Date);
    case 'label':
      return column.labels?.[value as string]?.[lang] ?? toCell(value);
    case 'yesNo':
      return YES_NO_LABELS[value ? 'true' : 'false'][lang];
    case 'ref': {
      const id = asNumber(value);
      return id === null ? null : (names.get(column.lookup ?? '')?.get(id) ?? String(id));
    }
    case 'text':
      return toCell(value);
  }
}

/** The sheet's columns: headers in the caller's language, widths from the header and the first rows. */
export function sheetColumns<T>(
  columns: readonly ExportColumn<T>[],
  lang: Lang,
  firstRows: readonly (readonly Cell[])[],
): SheetColumn[] {
  return columns.map((column, i) => {
    const header = column.header[lang];
    const kind = column.kind ?? 'text';
    const decimals = DECIMALS[kind];
    const widest = firstRows.reduce((max, row) => {
      const cell = row[i];
      const text = typeof cell === 'number' ? cell.toFixed(decimals ?? 0) : (cell ?? '');
      return Math.max(max, displayWidth(text));
    }, 0);
    const width =
      column.width ?? Math.min(MAX_WIDTH, Math.max(displayWidth(header), FIXED_WIDTH[kind] ?? widest, 6) + 2);
    return { header, width, decimals };
  });
}
