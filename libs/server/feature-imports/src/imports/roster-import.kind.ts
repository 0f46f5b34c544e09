import { readFile } from 'node:fs/promises';
import type { BulkImportDto } from '@fleet/shared/contracts';
import { type FileImportKind, isBlank } from '@fleet/server/file-import';
import {
  BULK_IMPORT_KINDS,
  BulkImportEntity,
  type BulkImportKind,
  BulkImportRejectionEntity,
} from '@fleet/server/persistence';
import { ApiException, type Lang, type ListSpec } from '@fleet/server/platform';
import { enqueueBulkImport } from '@fleet/server/queue';
import { readRosterFile } from './roster-file';

export const IMPORT_LIST: ListSpec = {
  resource: 'imports',
  sortable: ['id', 'createdAt', 'kind', 'status', 'fileName'],
  defaultSort: ['id', 'DESC'],
  filters: {
    kind: { property: 'kind', type: 'string' },
    status: { property: 'status', type: 'string' },
  },
  search: ['fileName', 'sha256'],
};

/** Upload limit, also given to @fastify/multipart where the app is built. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export function toBulkImportDto(row: BulkImportEntity, lang: Lang): BulkImportDto {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    sha256: row.sha256,
    format: row.format,
    encoding: row.encoding,
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    rowsCreated: row.rowsCreated,
    rowsUpdated: row.rowsUpdated,
    rowsUnchanged: row.rowsUnchanged,
    rowsRejected: row.rowsRejected,
    error: row.error ? row.error[lang] : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Rosters and delivery lists (devices, SIM cards, officers, units) as a file import: small files
 * (read whole to tell the encoding), the kind named by the uploader, the same file welcome again.
 */
export const ROSTER_IMPORT: FileImportKind<BulkImportEntity, BulkImportDto> = {
  resource: 'imports',
  label: 'roster import',
  entity: BulkImportEntity,
  table: 'bulk_imports',
  rejectionEntity: BulkImportRejectionEntity,
  list: IMPORT_LIST,
  dir: 'imports',
  maxBytes: IMPORT_MAX_BYTES,
  sniff: 'file',
  oncePerContent: false,
  toDto: (row, lang) => toBulkImportDto(row, lang),
  enqueue: enqueueBulkImport,
  checkFields(fields) {
    const kind = fields.kind?.trim() as BulkImportKind;
    if (!BULK_IMPORT_KINDS.includes(kind))
      throw ApiException.badRequest([
        {
          field: 'kind',
          reason: {
            zh: `导入类型应为 ${BULK_IMPORT_KINDS.join('、')} 之一`,
            en: `kind must be one of ${BULK_IMPORT_KINDS.join(', ')}`,
          },
        },
      ]);
    return { kind };
  },
  async header(path, format, encoding) {
    const lines = await readRosterFile(await readFile(path), format, encoding);
    return lines.find((l) => !isBlank(l.cells))?.cells ?? null;
  },
  systemError: {
    zh: '导入因系统错误中断，已导入的行保留；请稍后重新上传该文件',
    en: 'The import stopped on a system error; rows already imported are kept. Upload the file again later',
  },
  rejectedFileName: (id) => `import-${id}-rejected.csv`,
};
