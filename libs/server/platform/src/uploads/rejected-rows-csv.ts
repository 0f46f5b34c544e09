import { StreamableFile } from '@nestjs/common';
import { csvBuffer } from '../export/spreadsheet-files';
import type { Lang } from '../i18n/lang';

/** One problem with one row of an uploaded file, as the import features store it. */
export interface RejectedRow {
  rowNo: number;
  raw: Record<string, string>;
  column: string | null;
  reasonZh: string;
  reasonEn: string;
}

/** The columns the rejected rows' raw cells have, for when the file's own header cannot be read. */
export const rawColumns = (rows: readonly RejectedRow[]): string[] => [
  ...new Set(rows.flatMap((r) => Object.keys(r.raw))),
];

/** A file's header row as column names; a blank heading becomes its position (#3). */
export const headerColumns = (cells: readonly string[]): string[] =>
  cells.map((h, i) => h.trim() || `#${i + 1}`);

/**
 * The rejected rows as a CSV a person can fix and upload again: the file's own columns (in its
 * order), then the row number, the column(s) at fault and the reason(s) in the caller's language.
 * `rows` come ordered by row number; several problems of one row share its line.
 */
export function rejectedRowsCsv(
  rows: readonly RejectedRow[],
  columns: readonly string[],
  lang: Lang,
  fileName: string,
): StreamableFile {
  const byRow = new Map<number, RejectedRow[]>();
  for (const r of rows) byRow.set(r.rowNo, [...(byRow.get(r.rowNo) ?? []), r]);
  const sep = lang === 'zh' ? '；' : '; ';
  const lines = [...byRow.entries()].map(([rowNo, problems]) => [
    ...columns.map((c) => problems[0].raw[c] ?? ''),
    rowNo,
    problems.map((p) => p.column ?? '').join(sep),
    problems.map((p) => (lang === 'zh' ? p.reasonZh : p.reasonEn)).join(sep),
  ]);
  const header = [...columns, ...(lang === 'zh' ? ['行号', '出错列', '原因'] : ['row', 'column', 'reason'])];
  return new StreamableFile(csvBuffer(header, lines), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${fileName}"`,
  });
}
