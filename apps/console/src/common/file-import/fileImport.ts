import type { TranslateFunction } from 'react-admin';

import type { FleetDataProvider } from '../../providers/dataProvider';
import type { TranslatedChoice } from '../choices';

/** The API's two file imports: roster files (`/api/imports`) and carrier usage files (`/api/usage-imports`). */
export type FileImportResource = 'imports' | 'usage-imports';

/** What every import reports while the worker reads its file, whatever the file holds. */
export interface FileImportRecord {
  id: number;
  fileName: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  rowsRejected: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * One kind of file import as the console shows it: the kit's list, show and upload pages read everything
 * that differs between rosters and usage files from here (field names are the record's own, labelled by
 * `resources.<resource>.fields.*`).
 */
export interface FileImportConfig<R extends FileImportRecord = FileImportRecord> {
  resource: FileImportResource;
  /** What a file holds: the list's filter and column and the show page's field. */
  kindChoices: TranslatedChoice[];
  /** The upload form's choice of what the file holds; the first is chosen at first ('' lets the API detect it). */
  uploadKindChoices: readonly TranslatedChoice[];
  /** Sends the file; the answer's id is the import's page to go to. */
  upload(
    provider: FleetDataProvider,
    file: File,
    kind: string,
    encoding: string | undefined,
  ): Promise<{ id: number }>;
  /** Text columns after the kind, each with a filter of its own (the usage file's month). */
  listTextColumns: readonly string[];
  /** Counts as number columns after the progress. */
  listCounts: readonly string[];
  /** Whether rows can be selected for the list's bulk actions. */
  bulkActions: boolean;
  /** Text fields after the kind on the import's page ('—' when there is none). */
  showTextFields: readonly string[];
  /** Counts on the import's page, after the progress. */
  showCounts: readonly string[];
  /** A second line under the progress bar (a rate, how the rows came out). */
  progressDetail?(record: R, translate: TranslateFunction): string;
}

export function isImportFinished(value: Pick<FileImportRecord, 'status'> | undefined): boolean {
  return value?.status === 'succeeded' || value?.status === 'failed';
}
