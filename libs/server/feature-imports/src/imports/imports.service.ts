import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BulkImportDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import {
  BULK_IMPORT_KINDS,
  BulkImportEntity,
  type BulkImportKind,
  BulkImportRejectionEntity,
} from '@fleet/server/persistence';
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
  receiveUpload,
  rejectedRowsCsv,
  requeueFailedRun,
  requireXlsxWithinBounds,
} from '@fleet/server/platform';
import { enqueueBulkImport, QueueAvailability, QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  detectEncoding,
  detectFormat,
  isBlank,
  mixedEncoding,
  mixedEncodingText,
  ENCODING_CHOICES,
  normalizeEncoding,
  readRosterFile,
  type RosterEncoding,
  type RosterFormat,
} from './roster-file';

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

/** How a file import's job is retried (one job per import, keyed by the import id); usage imports too. */

/** Upload limit, also given to @fastify/multipart where the app is built. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

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

/** Uploads of rosters: the file is kept under DATA_DIR by its hash and processed by the worker. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
    private readonly queues: QueueAvailability,
  ) {}

  async upload(request: FastifyRequest, actor: Actor, lang: Lang): Promise<BulkImportDto> {
    // With Redis gone the file would wait unseen: refuse it (503) before anything is stored.
    await this.queues.assertReady();
    const upload = await receiveUpload(request, {
      dir: join(this.config.dataDir, 'imports'),
      maxBytes: IMPORT_MAX_BYTES,
      fields: ['kind', 'encoding'],
    });
    let storedPath: string;
    let format: RosterFormat;
    let encoding: RosterEncoding | null = null;
    const kind = upload.fields.kind?.trim() as BulkImportKind;
    try {
      if (!BULK_IMPORT_KINDS.includes(kind)) {
        throw bad(
          'kind',
          `导入类型应为 ${BULK_IMPORT_KINDS.join('、')} 之一`,
          `kind must be one of ${BULK_IMPORT_KINDS.join(', ')}`,
        );
      }
      // Rosters are small (IMPORT_MAX_BYTES): detection reads the whole file.
      const content = await readFile(upload.path);
      format = detectFormat(content, upload.fileName);
      if (format === 'xlsx') await requireXlsxWithinBounds(upload.path, this.config.limits);
      if (format === 'csv') {
        encoding = upload.fields.encoding?.trim()
          ? normalizeEncoding(upload.fields.encoding)
          : detectEncoding(content);
        if (!encoding) throw bad('encoding', ENCODING_CHOICES.zh, ENCODING_CHOICES.en);
        const mixed = encoding === 'utf-8' || encoding === 'gb18030' ? mixedEncoding(content) : null;
        if (mixed) throw ApiException.badRequest([{ field: 'file', reason: mixedEncodingText(mixed) }]);
      }
      storedPath = await this.store(upload.path, upload.sha256, format);
    } finally {
      await rm(upload.path, { force: true });
    }
    const sha256 = upload.sha256;

    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(BulkImportEntity, {
          kind,
          fileName: upload.fileName.slice(0, 255),
          sha256,
          format,
          encoding,
          storedPath,
          createdByUserId: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'imports',
        resourceId: row.id,
        after: toBulkImportDto(row, 'en'),
      });
      return row;
    });
    await this.enqueue(saved.id);
    return toBulkImportDto(saved, lang);
  }

  /** One job per import (jobId from the import id), retried with backoff; the reconciler's if Redis fails now. */
  async enqueue(importId: number): Promise<void> {
    await this.queues.enqueueOrLeave(`roster import ${importId}`, () =>
      enqueueBulkImport(this.queue, importId),
    );
  }

  /** Starts a failed import again (admin): it resumes after its last committed batch. */
  async retry(id: number, actor: Actor, lang: Lang): Promise<BulkImportDto> {
    await this.queues.assertReady();
    const row = await this.dataSource.transaction((manager) =>
      requeueFailedRun(manager, BulkImportEntity, 'imports', id, this.audit, actor),
    );
    await this.enqueue(id);
    return toBulkImportDto(row, lang);
  }

  async list(query: ListQuery, lang: Lang): Promise<ListResult<BulkImportDto>> {
    const builder = this.dataSource.getRepository(BulkImportEntity).createQueryBuilder('e');
    return (await findList('imports', builder, query, IMPORT_LIST.search)).map((r) =>
      toBulkImportDto(r, lang),
    );
  }

  async get(id: number, lang: Lang): Promise<BulkImportDto> {
    return toBulkImportDto(await this.load(id), lang);
  }

  /** The rejected rows as a CSV a person can fix and upload again (see rejectedRowsCsv). */
  async rejectedCsv(id: number, lang: Lang): Promise<StreamableFile> {
    const row = await this.load(id);
    const rejections = await this.dataSource
      .getRepository(BulkImportRejectionEntity)
      .find({ where: { importId: id }, order: { rowNo: 'ASC', id: 'ASC' } });
    const columns = await this.originalColumns(row, rejections);
    return rejectedRowsCsv(rejections, columns, lang, `import-${id}-rejected.csv`);
  }

  /** The header of the stored file, so the columns keep their order (JSON objects do not). */
  private async originalColumns(
    row: BulkImportEntity,
    rejections: BulkImportRejectionEntity[],
  ): Promise<string[]> {
    const fromRaw = rawColumns(rejections);
    if (!rejections.length) return fromRaw;
    try {
      const content = await readFile(join(this.config.dataDir, row.storedPath));
      const lines = await readRosterFile(
        content,
        row.format as RosterFormat,
        row.encoding as RosterEncoding | null,
      );
      const first = lines.find((l) => !isBlank(l.cells));
      const header = first ? headerColumns(first.cells) : [];
      return header.length ? header : fromRaw;
    } catch {
      return fromRaw;
    }
  }

  private async load(id: number): Promise<BulkImportEntity> {
    const row = await this.dataSource.getRepository(BulkImportEntity).findOneBy({ id });
    if (!row) throw ApiException.notFound('imports', id);
    return row;
  }

  /**
   * Moves the received file to DATA_DIR/imports/<sha256>.<ext>; the same content is stored once.
   * The caller removes the received file when it was not needed.
   */
  private async store(received: string, sha256: string, format: RosterFormat): Promise<string> {
    const relative = join('imports', `${sha256}.${format}`);
    const target = join(this.config.dataDir, relative);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    // The received file is complete before the rename, so a half-written file never has the final name.
    if (!exists) await rename(received, target);
    return relative;
  }
}
