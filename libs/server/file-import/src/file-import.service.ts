import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  type Actor,
  ApiException,
  AuditService,
  headerColumns,
  type ImportPort,
  type Lang,
  type ListQuery,
  type ListResult,
  rawColumns,
  receiveUpload,
  rejectedRowsCsv,
  requireXlsxWithinBounds,
} from '@fleet/server/platform';
import { QueueAvailability } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import type { DeepPartial } from 'typeorm';
import type { DetectedFile, FileImportKind, FileImportRow, FileImportUpload } from './file-import.kind';
import { FileImportStore } from './file-import.store';
import {
  detectEncoding,
  detectFileType,
  detectFormat,
  ENCODING_CHOICES,
  type FileEncoding,
  type FileFormat,
  mixedEncoding,
  mixedEncodingText,
  normalizeEncoding,
  readHead,
} from './file-type';

/** What the pipeline needs of Nest's container, whatever the kind (a kind adds its queue). */
@Injectable()
export class FileImportContext {
  constructor(
    readonly store: FileImportStore,
    readonly audit: AuditService,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    readonly queues: QueueAvailability,
    readonly clock: Clock,
  ) {}
}

/**
 * The API side of a file import, whatever the kind: receive the upload (streamed and hashed), tell its
 * format and encoding, let the kind check what is its own, keep the file under DATA_DIR by its hash,
 * register the import with its audit row in one transaction, enqueue its job; retry a failed one;
 * list, get, and the rejected rows as a CSV in the file's own column order. A kind's service extends
 * this with its FileImportKind and is what its ImportController calls.
 */
export abstract class FileImportService<E extends FileImportRow, D> implements ImportPort<D> {
  protected constructor(
    protected readonly kind: FileImportKind<E, D>,
    protected readonly context: FileImportContext,
    /** The kind's queue (its job's producer is the kind's `enqueue`). */
    private readonly queue: Queue,
  ) {}

  async upload(request: FastifyRequest, actor: Actor, lang: Lang): Promise<D> {
    // With Redis gone the file would wait unseen: refuse it (503) before anything is stored.
    await this.context.queues.assertReady();
    const upload = await receiveUpload(request, {
      dir: join(this.context.config.dataDir, this.kind.dir),
      maxBytes: this.kind.maxBytes,
      fields: ['kind', 'encoding'],
    });
    try {
      const saved = await this.register(upload, actor);
      await this.enqueue(saved.id);
      return this.kind.toDto(saved, lang, this.context.clock.now());
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /** One job per import (jobId from the import id), retried with backoff; the reconciler's if Redis fails now. */
  async enqueue(importId: number): Promise<void> {
    await this.context.queues.enqueueOrLeave(`${this.kind.label} ${importId}`, () =>
      this.kind.enqueue(this.queue, importId),
    );
  }

  /** Starts a failed import again (admin); how it goes on (resumes, starts over) is its runner's. */
  async retry(id: number, actor: Actor, lang: Lang): Promise<D> {
    await this.context.queues.assertReady();
    const row = await this.context.store.requeueFailed(this.kind, id, this.context.audit, actor);
    await this.enqueue(id);
    return this.kind.toDto(row, lang, this.context.clock.now());
  }

  async list(query: ListQuery, lang: Lang): Promise<ListResult<D>> {
    const now = this.context.clock.now();
    return (await this.context.store.list(this.kind, query)).map((r) => this.kind.toDto(r, lang, now));
  }

  async get(id: number, lang: Lang): Promise<D> {
    return this.kind.toDto(await this.load(id), lang, this.context.clock.now());
  }

  /** The rejected rows as a CSV a person can fix and upload again (see rejectedRowsCsv). */
  async rejectedCsv(id: number, lang: Lang): Promise<StreamableFile> {
    const row = await this.load(id);
    const rejections = await this.context.store.rejections(this.kind.rejectionEntity, id);
    const columns = rejections.length ? await this.fileColumns(row, rawColumns(rejections)) : [];
    return rejectedRowsCsv(rejections, columns, lang, this.kind.rejectedFileName(id));
  }

  /** The stored file's header, so the columns keep their order (jsonb does not keep the raw cells' order). */
  private async fileColumns(row: E, fromRaw: string[]): Promise<string[]> {
    try {
      const header = await this.kind.header(
        join(this.context.config.dataDir, row.storedPath),
        row.format as FileFormat,
        row.encoding as FileEncoding | null,
      );
      if (header?.length) return headerColumns(header);
    } catch {
      // The stored file is gone or unreadable: the raw cells' keys will do.
    }
    return fromRaw;
  }

  private async load(id: number): Promise<E> {
    const row = await this.context.store.findById(this.kind.entity, id);
    if (!row) throw ApiException.notFound(this.kind.resource, id);
    return row;
  }

  private conflict(existing: E): ApiException {
    return ApiException.conflict(
      {
        zh: `该文件已于导入 #${existing.id}（${existing.fileName}）上传过，不会重复计入`,
        en: `This file was already uploaded as import #${existing.id} (${existing.fileName}); it is not counted twice`,
      },
      'file',
    );
  }

  /** Checks the upload (fields, format, encoding, the kind's own), stores the file and registers the import. */
  private async register(upload: FileImportUpload, actor: Actor): Promise<E> {
    const { store, config } = this.context;
    if (this.kind.oncePerContent) {
      const existing = await store.findBySha256(this.kind.entity, upload.sha256);
      if (existing?.status === 'failed') {
        // The same file again after its import failed: that import starts over (the bytes are the
        // same, by their hash; they are put back in case the stored copy was lost).
        await rename(upload.path, join(config.dataDir, existing.storedPath));
        return store.requeueFailed(this.kind, existing.id, this.context.audit, actor);
      }
      if (existing) throw this.conflict(existing);
    }
    const fromFields = this.kind.checkFields?.(upload.fields) ?? {};
    const file = await this.detect(upload);
    const own = (await this.kind.inspect?.(upload, file)) ?? {};
    const storedPath = await this.storeByHash(upload, file.format);
    const values = {
      ...fromFields,
      ...own,
      fileName: upload.fileName.slice(0, 255),
      sha256: upload.sha256,
      format: file.format,
      encoding: file.encoding,
      storedPath,
      createdByUserId: actor.userId,
    } as unknown as DeepPartial<E>;
    try {
      return await store.register(this.kind.entity, values, (manager, row) =>
        this.context.audit.record(manager, {
          actor,
          action: 'create',
          resource: this.kind.resource,
          resourceId: row.id,
          after: this.kind.toDto(row, 'en', this.context.clock.now()),
        }),
      );
    } catch (error) {
      if (this.kind.oncePerContent) {
        // The same file uploaded twice at the same moment: the unique hash lets one through.
        const winner = await store.findBySha256(this.kind.entity, upload.sha256);
        if (winner) throw this.conflict(winner);
        await rm(join(config.dataDir, storedPath), { force: true });
      }
      throw error;
    }
  }

  /**
   * Format (XLSX by its zip signature or name, else CSV) and, for a CSV, the encoding asked for or
   * detected; a workbook beyond the bounds (a zip bomb) and a CSV that mixes UTF-8 with GBK are refused
   * before anything parses them.
   */
  private async detect(upload: FileImportUpload): Promise<DetectedFile> {
    const whole = this.kind.sniff === 'file';
    const content = whole ? await readFile(upload.path) : await readHead(upload.path);
    const fromHead = whole ? null : detectFileType(content, upload.fileName);
    const format = fromHead?.format ?? detectFormat(content, upload.fileName);
    if (format === 'xlsx') {
      await requireXlsxWithinBounds(upload.path, this.context.config.limits);
      return { path: upload.path, format, encoding: null };
    }
    let encoding: FileEncoding | null;
    if (upload.fields.encoding?.trim()) {
      encoding = normalizeEncoding(upload.fields.encoding);
      if (!encoding) throw ApiException.badRequest([{ field: 'encoding', reason: ENCODING_CHOICES }]);
    } else {
      encoding = fromHead ? fromHead.encoding : detectEncoding(content);
    }
    if (encoding === 'utf-8' || encoding === 'gb18030') {
      // Of a head, its whole lines only: a character cut at its end is not a second encoding.
      const mixed = mixedEncoding(whole ? content : content.subarray(0, content.lastIndexOf(0x0a) + 1));
      if (mixed) throw ApiException.badRequest([{ field: 'file', reason: mixedEncodingText(mixed) }]);
    }
    return { path: upload.path, format, encoding };
  }

  /**
   * Moves the received file to DATA_DIR/<dir>/<sha256>.<ext>; the same content is stored once (the
   * received copy is removed by upload()). The received file is complete before the rename, so a
   * half-written file never has the final name.
   */
  private async storeByHash(upload: FileImportUpload, format: FileFormat): Promise<string> {
    const relative = join(this.kind.dir, `${upload.sha256}.${format}`);
    const target = join(this.context.config.dataDir, relative);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) await rename(upload.path, target);
    return relative;
  }
}
