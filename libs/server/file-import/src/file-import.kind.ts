import type { FileRunColumns, FileRunTable } from '@fleet/server/persistence';
import type { Lang, ListSpec, LocalizedText, ReceivedUpload, RejectedRow } from '@fleet/server/platform';
import type { Queue } from 'bullmq';
import type { EntityTarget } from 'typeorm';
import type { FileEncoding, FileFormat } from './file-type';

/** The columns every file import's row has (FileRunColumns, and the status of its run). */
export type FileImportRow = FileRunColumns & { status: string };

/** The fields of an upload besides the file (multipart fields or query parameters). */
export type FileImportFields = 'kind' | 'encoding';
export type FileImportUpload = ReceivedUpload<FileImportFields>;

/** A received file as detection found it. */
export interface DetectedFile {
  path: string;
  format: FileFormat;
  encoding: FileEncoding | null;
}

/**
 * What one kind of file import (rosters, carrier usage files) brings to the shared pipeline: its
 * tables, its resource name, how its row is shown, how its job is enqueued, and the checks of its own
 * before a file is registered. The pipeline does the rest (FileImportService, FileImportRunner).
 */
export interface FileImportKind<E extends FileImportRow, D> {
  /** The resource in the API, the audit log and the 404s ('imports', 'usage-imports'). */
  resource: string;
  /** How logs and job errors name one import ('bulk import', 'usage import'). */
  label: string;
  entity: EntityTarget<E>;
  table: FileRunTable;
  rejectionEntity: EntityTarget<RejectedRow & { importId: number }>;
  list: ListSpec;
  /** The folder under DATA_DIR where its files are kept by their hash. */
  dir: string;
  maxBytes: number;
  /**
   * Whether format and encoding are told from the whole file (small files: a mixed encoding anywhere
   * is caught before the import) or from its first 64 KB (files too large to read twice).
   */
  sniff: 'file' | 'head';
  /**
   * One import per content (a unique hash): the same file again is refused (409) unless its import
   * failed, which then starts over. Without, each upload is an import of its own.
   */
  oncePerContent: boolean;
  /** The run row as the API answers it (the error in the caller's language). */
  toDto(row: E, lang: Lang, now: Date): D;
  /** Adds the import's job (a producer of libs/server/queue). */
  enqueue(queue: Queue, importId: number): Promise<unknown>;
  /** The upload's own fields checked before the file is looked at: columns of the row, or a 400. */
  checkFields?(fields: FileImportUpload['fields']): Partial<E>;
  /** After format and encoding are known: more columns of the row (a detected kind), or a 400. */
  inspect?(upload: FileImportUpload, file: DetectedFile): Promise<Partial<E>>;
  /** The stored file's header row (for the rejected rows' column order); null when it has none. */
  header(path: string, format: FileFormat, encoding: FileEncoding | null): Promise<string[] | null>;
  /** What a run that stopped on its last attempt for a system fault says. */
  systemError: LocalizedText;
  /** The name of the rejected rows' download. */
  rejectedFileName(id: number): string;
}
