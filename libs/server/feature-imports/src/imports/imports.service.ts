import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpStatus, Inject, Injectable, StreamableFile } from '@nestjs/common';
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
  csvBuffer,
  findList,
  type Lang,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import { bulkImportJobId, JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  detectEncoding,
  detectFormat,
  isBlank,
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

interface Upload {
  fileName: string;
  content: Buffer;
  kind?: string;
  encoding?: string;
}

/** Uploads of rosters: the file is kept under DATA_DIR by its hash and processed by the worker. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  async upload(request: FastifyRequest, actor: Actor, lang: Lang): Promise<BulkImportDto> {
    const upload = await this.readUpload(request);
    const kind = upload.kind?.trim() as BulkImportKind;
    if (!BULK_IMPORT_KINDS.includes(kind)) {
      throw bad(
        'kind',
        `导入类型应为 ${BULK_IMPORT_KINDS.join('、')} 之一`,
        `kind must be one of ${BULK_IMPORT_KINDS.join(', ')}`,
      );
    }
    const format: RosterFormat = detectFormat(upload.content, upload.fileName);
    let encoding: RosterEncoding | null = null;
    if (format === 'csv') {
      encoding = upload.encoding?.trim()
        ? normalizeEncoding(upload.encoding)
        : detectEncoding(upload.content);
      if (!encoding)
        throw bad('encoding', '编码应为 UTF-8 或 GBK/GB18030', 'encoding must be UTF-8 or GBK/GB18030');
    }
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    const storedPath = await this.store(upload.content, sha256, format);

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

  /** One job per import (jobId from the import id), retried with backoff; rows are upserts. */
  async enqueue(importId: number): Promise<void> {
    const payload: JobPayloads[JobName.BulkImport] = { importId };
    await this.queue.add(JobName.BulkImport, payload, {
      jobId: bulkImportJobId(importId),
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: 1_000,
      removeOnFail: 1_000,
    });
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

  /**
   * The rejected rows as a CSV a person can fix and upload again: the file's own columns (in its
   * order), then the row number, the column(s) at fault and the reason(s) in the caller's language.
   */
  async rejectedCsv(id: number, lang: Lang): Promise<StreamableFile> {
    const row = await this.load(id);
    const rejections = await this.dataSource
      .getRepository(BulkImportRejectionEntity)
      .find({ where: { importId: id }, order: { rowNo: 'ASC', id: 'ASC' } });
    const byRow = new Map<number, BulkImportRejectionEntity[]>();
    for (const r of rejections) byRow.set(r.rowNo, [...(byRow.get(r.rowNo) ?? []), r]);
    const columns = await this.originalColumns(row, rejections);
    const sep = lang === 'zh' ? '；' : '; ';
    const lines = [...byRow.entries()].map(([rowNo, problems]) => [
      ...columns.map((c) => problems[0].raw[c] ?? ''),
      rowNo,
      problems.map((p) => p.column ?? '').join(sep),
      problems.map((p) => (lang === 'zh' ? p.reasonZh : p.reasonEn)).join(sep),
    ]);
    const header = [
      ...columns,
      ...(lang === 'zh' ? ['行号', '出错列', '原因'] : ['row', 'column', 'reason']),
    ];
    return new StreamableFile(csvBuffer(header, lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-rejected.csv"`,
    });
  }

  /** The header of the stored file, so the columns keep their order (JSON objects do not). */
  private async originalColumns(
    row: BulkImportEntity,
    rejections: BulkImportRejectionEntity[],
  ): Promise<string[]> {
    const fromRaw = [...new Set(rejections.flatMap((r) => Object.keys(r.raw)))];
    if (!rejections.length) return fromRaw;
    try {
      const content = await readFile(join(this.config.dataDir, row.storedPath));
      const lines = await readRosterFile(
        content,
        row.format as RosterFormat,
        row.encoding as RosterEncoding | null,
      );
      const header = lines.find((l) => !isBlank(l.cells))?.cells.map((h, i) => h.trim() || `#${i + 1}`) ?? [];
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

  private async readUpload(request: FastifyRequest): Promise<Upload> {
    const notMultipart = () =>
      bad(
        'file',
        '请以 multipart/form-data 上传文件（字段 file）',
        'Upload the file as multipart/form-data (field file)',
      );
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) throw notMultipart();
    const upload: Partial<Upload> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || upload.content) {
            await part.toBuffer();
            continue;
          }
          upload.content = await part.toBuffer();
          upload.fileName = part.filename || 'upload';
        } else if (part.fieldname === 'kind' || part.fieldname === 'encoding') {
          upload[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, {
          zh: `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
          en: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
        });
      }
      throw error;
    }
    if (!upload.content?.length)
      throw bad('file', '没有收到文件，或文件为空', 'No file was received, or it is empty');
    return upload as Upload;
  }

  /** Keeps the file under DATA_DIR/imports/<sha256>.<ext>; the same content is stored once. */
  private async store(content: Buffer, sha256: string, format: RosterFormat): Promise<string> {
    const relative = join('imports', `${sha256}.${format}`);
    const target = join(this.config.dataDir, relative);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(this.config.dataDir, 'imports'), { recursive: true });
      // Written under a temporary name first, so a half-written file never has the final name.
      const temporary = `${target}.${process.pid}.${Date.now()}.part`;
      await writeFile(temporary, content);
      await rename(temporary, target);
    }
    return relative;
  }
}
