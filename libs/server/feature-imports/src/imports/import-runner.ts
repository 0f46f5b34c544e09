import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  emptyFileMessage,
  matchHeader,
  notARosterMessage,
  parentsFirst,
  type RowCells,
  type RowProblem,
} from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  BulkImportEntity,
  BulkImportRejectionEntity,
  FileRunLease,
  LeaseLostError,
  unfinishedFileRuns,
  UserEntity,
} from '@fleet/server/persistence';
import { type AuditEntry, AuditService, type LocalizedText } from '@fleet/server/platform';
import { UnrecoverableError } from 'bullmq';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import {
  isBlank,
  readRosterFile,
  type RosterEncoding,
  RosterFileError,
  type RosterFormat,
} from './roster-file';
import { ROW_WRITERS, RowRejected, type RowOutcome } from './row-writers';

/** Rows per transaction; progress is visible to the console after each. */
export const IMPORT_BATCH_ROWS = 200;

interface ImportItem {
  rowNo: number;
  cells: RowCells;
  /** The row as in the file, header → cell, for the rejected-rows download. */
  raw: Record<string, string>;
  /** The file's header of each field, to name the column of a problem as the person sees it. */
  headers: Record<string, string>;
}

type Counts = Record<RowOutcome | 'rejected', number>;

/**
 * Processes one uploaded roster. Each batch of rows, its rejections and the import's counters are
 * committed together, so the counters are a checkpoint: a retried job (worker killed, database gone)
 * resumes after the last committed batch and counts nothing twice. Rows are upserts, so even a batch
 * replayed after a crash between commit and acknowledgement only finds its rows unchanged.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(importId: number, options: { lastAttempt: boolean; now?: Date }): Promise<BulkImportEntity> {
    const repo = this.dataSource.getRepository(BulkImportEntity);
    const found = await repo.findOneBy({ id: importId });
    if (!found) throw new UnrecoverableError(`no bulk import ${importId}`);
    if (found.status === 'succeeded' || found.status === 'failed') return found;
    const lease = await FileRunLease.take(this.dataSource, 'bulk_imports', importId);
    try {
      return await this.process(found, options.now ?? this.clock.now(), lease);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (error instanceof RosterFileError) {
        await this.fail(lease, error.text);
        throw new UnrecoverableError(error.text.en);
      }
      if (options.lastAttempt) {
        await this.fail(lease, {
          zh: '导入因系统错误中断，已导入的行保留；请稍后重新上传该文件',
          en: 'The import stopped on a system error; rows already imported are kept. Upload the file again later',
        });
      }
      throw error;
    } finally {
      await lease.release();
    }
  }

  /** The ids of imports not yet finished and not being run by any worker (for the reconciler). */
  unfinished(): Promise<number[]> {
    return unfinishedFileRuns(this.dataSource, 'bulk_imports');
  }

  private async process(row: BulkImportEntity, now: Date, lease: FileRunLease): Promise<BulkImportEntity> {
    const repo = this.dataSource.getRepository(BulkImportEntity);
    await repo.update(row.id, { status: 'running', startedAt: row.startedAt ?? now });
    const items = await this.readItems(row);
    await repo.update(row.id, { rowsTotal: items.length });
    const actor = await this.actorOf(row.createdByUserId);
    const write = ROW_WRITERS[row.kind];

    for (let start = row.rowsDone; start < items.length; start += IMPORT_BATCH_ROWS) {
      const batch = items.slice(start, start + IMPORT_BATCH_ROWS);
      await this.dataSource.transaction(async (manager) => {
        // Each batch commits only while this run holds the file, so two workers never both write it.
        await lease.confirm(manager);
        const counts: Counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
        const ctx = { manager, audit: this.audit, actor, badgeNoPattern: this.config.badgeNoPattern, now };
        for (const item of batch) {
          const problems = await this.inSavepoint(manager, async () => {
            counts[await write(ctx, item.cells)] += 1;
          });
          if (problems) {
            counts.rejected += 1;
            await manager.insert(
              BulkImportRejectionEntity,
              problems.map((p) => ({
                importId: row.id,
                rowNo: item.rowNo,
                column: p.field ? (item.headers[p.field] ?? p.field) : null,
                reasonZh: p.reason.zh.slice(0, 500),
                reasonEn: p.reason.en.slice(0, 500),
                raw: item.raw,
              })),
            );
          }
        }
        await manager
          .createQueryBuilder()
          .update(BulkImportEntity)
          .set({
            rowsDone: start + batch.length,
            rowsCreated: () => `rows_created + ${counts.created}`,
            rowsUpdated: () => `rows_updated + ${counts.updated}`,
            rowsUnchanged: () => `rows_unchanged + ${counts.unchanged}`,
            rowsRejected: () => `rows_rejected + ${counts.rejected}`,
          })
          .where('id = :id', { id: row.id })
          .execute();
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      await manager.update(BulkImportEntity, row.id, { status: 'succeeded', finishedAt: this.clock.now() });
    });
    const done = await repo.findOneByOrFail({ id: row.id });
    this.logger.log(
      `import ${done.id} (${done.kind}): ${done.rowsCreated} created, ${done.rowsUpdated} updated, ` +
        `${done.rowsUnchanged} unchanged, ${done.rowsRejected} rejected`,
    );
    return done;
  }

  /** Runs one row's writes; a refused row is rolled back alone and answers its problems. */
  private async inSavepoint(manager: EntityManager, work: () => Promise<void>): Promise<RowProblem[] | null> {
    await manager.query('SAVEPOINT import_row');
    try {
      await work();
      await manager.query('RELEASE SAVEPOINT import_row');
      return null;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT import_row');
      if (error instanceof RowRejected) return error.problems;
      // A constraint the checks did not foresee (e.g. a number taken meanwhile) refuses the row, not the file.
      if (error instanceof QueryFailedError) {
        const detail = (error.driverError as { detail?: string }).detail ?? error.message;
        return [
          {
            field: '',
            reason: { zh: `与现有记录冲突：${detail}`, en: `Conflicts with an existing record: ${detail}` },
          },
        ];
      }
      throw error;
    }
  }

  /** The file's data rows in the order they are written (units: parents first). */
  private async readItems(row: BulkImportEntity): Promise<ImportItem[]> {
    const content = await readFile(join(this.config.dataDir, row.storedPath)).catch(() => {
      throw new RosterFileError({ zh: '找不到上传的文件', en: 'The uploaded file is missing' });
    });
    const lines = (
      await readRosterFile(content, row.format as RosterFormat, row.encoding as RosterEncoding | null)
    ).filter((l) => !isBlank(l.cells));
    const kind = row.kind;
    const [headerLine, ...dataLines] = lines;
    const match = matchHeader(kind, headerLine?.cells ?? []);
    if (!headerLine || match.missing.length)
      throw new RosterFileError(notARosterMessage(kind, match.missing));
    if (!dataLines.length) throw new RosterFileError(emptyFileMessage(kind));

    const header = headerLine.cells.map((h, i) => h.trim() || `#${i + 1}`);
    const headers = Object.fromEntries(Object.entries(match.columns).map(([key, i]) => [key, header[i]]));
    const items = dataLines.map(({ rowNo, cells }) => ({
      rowNo,
      cells: Object.fromEntries(Object.entries(match.columns).map(([key, i]) => [key, cells[i] ?? ''])),
      raw: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])),
      headers,
    }));
    if (kind !== 'units') return items;
    const order = parentsFirst(
      items.map((i) => ({ name: i.cells.name?.trim() ?? '', parent: i.cells.parent?.trim() || null })),
    );
    return order.map((i) => items[i]);
  }

  private async actorOf(userId: number | null): Promise<AuditEntry['actor']> {
    const user = userId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    return { userId, username: user?.username ?? null, ip: null };
  }

  /** Marks the import failed, if this run still holds it. */
  private async fail(lease: FileRunLease, error: LocalizedText): Promise<void> {
    await this.dataSource.query(
      `UPDATE bulk_imports SET status = 'failed', error = $3, finished_at = $4 WHERE id = $1 AND lease_token = $2`,
      [lease.id, lease.token, JSON.stringify(error), this.clock.now()],
    );
  }
}
