import { HttpStatus } from '@nestjs/common';
import { detectUsageKind, notAUsageFileMessage, type UsageKind } from '@fleet/domain/billing';
import type { UsageImportDto } from '@fleet/shared/contracts';
import type { FileImportKind } from '@fleet/server/file-import';
import { USAGE_FILE_KINDS, UsageImportEntity, UsageImportRejectionEntity } from '@fleet/server/persistence';
import { ApiException, type Lang, type ListSpec } from '@fleet/server/platform';
import { enqueueUsageImport } from '@fleet/server/queue';
import { firstRow } from './usage-file-reader';

export const USAGE_IMPORT_LIST: ListSpec = {
  resource: 'usage-imports',
  sortable: ['id', 'createdAt', 'kind', 'status', 'period', 'fileName'],
  defaultSort: ['id', 'DESC'],
  filters: {
    kind: { property: 'kind', type: 'string' },
    status: { property: 'status', type: 'string' },
    period: { property: 'period', type: 'string' },
  },
  search: ['fileName', 'sha256'],
};

/** Usage files can be large (a month of detail records); they are streamed to disk, never buffered. */
export const USAGE_MAX_BYTES = 4 * 1024 * 1024 * 1024;

export function toUsageImportDto(row: UsageImportEntity, lang: Lang, now: Date): UsageImportDto {
  const seconds = row.startedAt ? ((row.finishedAt ?? now).getTime() - row.startedAt.getTime()) / 1000 : 0;
  return {
    id: row.id,
    fileName: row.fileName,
    sha256: row.sha256,
    kind: row.kind,
    format: row.format,
    encoding: row.encoding,
    period: row.period,
    sizeBytes: row.sizeBytes,
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    rowsDuplicate: row.rowsDuplicate,
    rowsPerSecond: seconds > 0 ? Math.round(row.rowsDone / seconds) : null,
    error: row.error ? row.error[lang] : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Carrier usage files as a file import: large (told from their first 64 KB, streamed), each content
 * once (the same file again is refused, or starts over when its import failed), the kind (summary or
 * detail) named or told from the header.
 */
export const USAGE_IMPORT: FileImportKind<UsageImportEntity, UsageImportDto> = {
  resource: 'usage-imports',
  label: 'usage import',
  entity: UsageImportEntity,
  table: 'usage_imports',
  rejectionEntity: UsageImportRejectionEntity,
  list: USAGE_IMPORT_LIST,
  dir: 'usage',
  maxBytes: USAGE_MAX_BYTES,
  sniff: 'head',
  oncePerContent: true,
  toDto: toUsageImportDto,
  enqueue: enqueueUsageImport,
  async inspect(upload, file) {
    let kind = upload.fields.kind?.trim() as UsageKind | undefined;
    if (kind && !USAGE_FILE_KINDS.includes(kind))
      throw ApiException.badRequest([
        {
          field: 'kind',
          reason: {
            zh: '文件类型应为 summary（月度汇总）或 detail（详单）',
            en: 'kind must be summary or detail',
          },
        },
      ]);
    kind ??= (await detectKind(file.path, file.format, file.encoding)) ?? undefined;
    if (!kind) {
      const text = notAUsageFileMessage(null, []);
      throw new ApiException(HttpStatus.BAD_REQUEST, text, [{ field: 'file', reason: text }]);
    }
    return { kind, sizeBytes: upload.sizeBytes };
  },
  header: firstRow,
  systemError: {
    zh: '导入因系统错误中断，未计入任何记录；请稍后重新上传该文件',
    en: 'The import stopped on a system error and counted nothing; upload the file again later',
  },
  rejectedFileName: (id) => `usage-import-${id}-rejected.csv`,
};

async function detectKind(
  ...[path, format, encoding]: Parameters<typeof firstRow>
): Promise<UsageKind | null> {
  try {
    const header = await firstRow(path, format, encoding);
    if (header) return detectUsageKind(header);
  } catch {
    // Unreadable: not a usage file; said by the caller.
  }
  return null;
}
