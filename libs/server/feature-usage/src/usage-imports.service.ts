import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpStatus, Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { detectUsageKind, notAUsageFileMessage, type UsageKind } from '@fleet/domain/billing';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  ENCODING_CHOICES,
  mixedEncoding,
  mixedEncodingText,
  normalizeEncoding,
  type RosterEncoding,
  type RosterFormat,
} from '@fleet/server/feature-imports';
import { USAGE_FILE_KINDS, UsageImportEntity, UsageImportRejectionEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  findList,
  headerColumns,
  type Lang,
  type ListQuery,
  type ListResult,
  type ListSpec,
  rawColumns,
  type ReceivedUpload,
  receiveUpload,
  rejectedRowsCsv,
  requeueFailedRun,
  requireXlsxWithinBounds,
} from '@fleet/server/platform';
import { enqueueUsageImport, QueueAvailability, QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { detectFileType, firstRow, readHead } from './usage-file-reader';
import type { UsageImportDto } from '@fleet/shared/contracts';

export type { UsageImportDto };

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

const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

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

type StoredUpload = ReceivedUpload<'kind' | 'encoding'>;

/** Uploads of carrier usage files: stored under DATA_DIR by their hash, registered, processed by the worker. */
@Injectable()
export class UsageImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Usage) private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly queues: QueueAvailability,
  ) {}

  async upload(request: FastifyRequest, actor: Actor, lang: Lang): Promise<UsageImportDto> {
    // With Redis gone the file would wait unseen: refuse it (503) before anything is stored.
    await this.queues.assertReady();
    const upload = await receiveUpload(request, {
      dir: join(this.config.dataDir, 'usage'),
      maxBytes: USAGE_MAX_BYTES,
      fields: ['kind', 'encoding'],
    });
    try {
      const saved = await this.register(upload, actor);
      await this.enqueue(saved.id);
      return toUsageImportDto(saved, lang, this.clock.now());
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /** One job per import (jobId from the import id), retried with backoff; the reconciler's if Redis fails now. */
  async enqueue(importId: number): Promise<void> {
    await this.queues.enqueueOrLeave(`usage import ${importId}`, () =>
      enqueueUsageImport(this.queue, importId),
    );
  }

  /** Starts a failed import again (admin): the file is read over from its start. */
  async retry(id: number, actor: Actor, lang: Lang): Promise<UsageImportDto> {
    await this.queues.assertReady();
    const row = await this.dataSource.transaction((manager) =>
      requeueFailedRun(manager, UsageImportEntity, 'usage-imports', id, this.audit, actor),
    );
    await this.enqueue(id);
    return toUsageImportDto(row, lang, this.clock.now());
  }

  async list(query: ListQuery, lang: Lang): Promise<ListResult<UsageImportDto>> {
    const builder = this.dataSource.getRepository(UsageImportEntity).createQueryBuilder('e');
    const now = this.clock.now();
    return (await findList('usage-imports', builder, query, USAGE_IMPORT_LIST.search)).map((r) =>
      toUsageImportDto(r, lang, now),
    );
  }

  async get(id: number, lang: Lang): Promise<UsageImportDto> {
    return toUsageImportDto(await this.load(id), lang, this.clock.now());
  }

  /** The rejected rows as a CSV to fix and send again (see rejectedRowsCsv). */
  async rejectedCsv(id: number, lang: Lang): Promise<StreamableFile> {
    const row = await this.load(id);
    const rejections = await this.dataSource
      .getRepository(UsageImportRejectionEntity)
      .find({ where: { importId: id }, order: { rowNo: 'ASC', id: 'ASC' } });
    const columns = rejections.length ? await this.fileHeader(row, rejections) : [];
    return rejectedRowsCsv(rejections, columns, lang, `usage-import-${id}-rejected.csv`);
  }

  /** The stored file's header, so the columns keep their order (jsonb does not keep the raw cells' order). */
  private async fileHeader(
    row: UsageImportEntity,
    rejections: UsageImportRejectionEntity[],
  ): Promise<string[]> {
    const fromRaw = rawColumns(rejections);
    try {
      const header = await firstRow(
        join(this.config.dataDir, row.storedPath),
        row.format as RosterFormat,
        row.encoding as RosterEncoding | null,
      );
      if (header) return headerColumns(header);
    } catch {
      // The stored file is gone or unreadable: the raw cells' keys will do.
    }
    return fromRaw;
  }

  private async load(id: number): Promise<UsageImportEntity> {
    const row = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id });
    if (!row) throw ApiException.notFound('usage-imports', id);
    return row;
  }

  /** Detects (or takes) format, encoding and kind, stores the file by its hash and registers the import. */
  private async register(upload: StoredUpload, actor: Actor): Promise<UsageImportEntity> {
    const conflict = (existing: UsageImportEntity) =>
      ApiException.conflict(
        {
          zh: `该文件已于导入 #${existing.id}（${existing.fileName}）上传过，不会重复计入`,
          en: `This file was already uploaded as import #${existing.id} (${existing.fileName}); it is not counted twice`,
        },
        'file',
      );
    const repo = this.dataSource.getRepository(UsageImportEntity);
    const existing = await repo.findOneBy({ sha256: upload.sha256 });
    if (existing?.status === 'failed') {
      // The same file again after its import failed: that import starts over (the bytes are the
      // same, by their hash; they are put back in case the stored copy was lost).
      await rename(upload.path, join(this.config.dataDir, existing.storedPath));
      return this.dataSource.transaction((manager) =>
        requeueFailedRun(manager, UsageImportEntity, 'usage-imports', existing.id, this.audit, actor),
      );
    }
    if (existing) throw conflict(existing);

    const head = await readHead(upload.path);
    const detected = detectFileType(head, upload.fileName);
    // Before anything parses it (detectKind reads its first row): a bomb costs a second, not the server.
    if (detected.format === 'xlsx') await requireXlsxWithinBounds(upload.path, this.config.limits);
    let encoding: RosterEncoding | null = detected.encoding;
    if (detected.format === 'csv' && upload.fields.encoding?.trim()) {
      encoding = normalizeEncoding(upload.fields.encoding);
      if (!encoding) throw bad('encoding', ENCODING_CHOICES.zh, ENCODING_CHOICES.en);
    }
    if (detected.format === 'csv' && (encoding === 'utf-8' || encoding === 'gb18030')) {
      // The head's whole lines: a character cut at its end is not a second encoding.
      const mixed = mixedEncoding(head.subarray(0, head.lastIndexOf(0x0a) + 1));
      if (mixed) throw ApiException.badRequest([{ field: 'file', reason: mixedEncodingText(mixed) }]);
    }
    let kind = upload.fields.kind?.trim() as UsageKind | undefined;
    if (kind && !USAGE_FILE_KINDS.includes(kind))
      throw bad(
        'kind',
        '文件类型应为 summary（月度汇总）或 detail（详单）',
        'kind must be summary or detail',
      );
    kind ??= (await this.detectKind(upload.path, detected.format, encoding)) ?? undefined;
    if (!kind) {
      const text = notAUsageFileMessage(null, []);
      throw new ApiException(HttpStatus.BAD_REQUEST, text, [{ field: 'file', reason: text }]);
    }

    const storedPath = join('usage', `${upload.sha256}.${detected.format}`);
    await rename(upload.path, join(this.config.dataDir, storedPath));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await manager.save(
          manager.create(UsageImportEntity, {
            kind,
            fileName: upload.fileName.slice(0, 255),
            sha256: upload.sha256,
            format: detected.format,
            encoding: detected.format === 'csv' ? encoding : null,
            storedPath,
            sizeBytes: upload.sizeBytes,
            createdByUserId: actor.userId,
          }),
        );
        await this.audit.record(manager, {
          actor,
          action: 'create',
          resource: 'usage-imports',
          resourceId: row.id,
          after: toUsageImportDto(row, 'en', this.clock.now()),
        });
        return row;
      });
    } catch (error) {
      // The same file uploaded twice at the same moment: the unique hash lets one through.
      const winner = await repo.findOneBy({ sha256: upload.sha256 });
      if (winner) throw conflict(winner);
      await rm(join(this.config.dataDir, storedPath), { force: true });
      throw error;
    }
  }

  private async detectKind(path: string, format: RosterFormat, encoding: RosterEncoding | null) {
    try {
      const header = await firstRow(path, format, encoding);
      if (header) return detectUsageKind(header);
    } catch {
      // Unreadable: not a usage file; said below.
    }
    return null;
  }
}
