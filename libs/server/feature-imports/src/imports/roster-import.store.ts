import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RowCells, RowProblem } from '@fleet/domain/inventory';
import {
  BulkImportEntity,
  BulkImportRejectionEntity,
  type FileRunLease,
  UserEntity,
} from '@fleet/server/persistence';
import type { AuditEntry } from '@fleet/server/platform';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { RowRejected, type RowOutcome } from './roster-rows.writer';

/** A data row of a roster, ready to write. */
export interface ImportItem {
  rowNo: number;
  cells: RowCells;
  /** The row as in the file, header → cell, for the rejected-rows download. */
  raw: Record<string, string>;
  /** The file's header of each field, to name the column of a problem as the person sees it. */
  headers: Record<string, string>;
}

type Counts = Record<RowOutcome | 'rejected', number>;

/** The roster import's run as stored: its status, batches of rows with their rejections and counters. */
@Injectable()
export class RosterImportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(id: number, startedAt: Date): Promise<void> {
    await this.dataSource.getRepository(BulkImportEntity).update(id, { status: 'running', startedAt });
  }

  async setRowsTotal(id: number, rowsTotal: number): Promise<void> {
    await this.dataSource.getRepository(BulkImportEntity).update(id, { rowsTotal });
  }

  /** Who uploaded the file, as the audit rows of its writes name them. */
  async actorOf(userId: number | null): Promise<AuditEntry['actor']> {
    const user = userId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    return { userId, username: user?.username ?? null, ip: null };
  }

  /**
   * Writes one batch of rows, their rejections and the import's counters in one transaction, while this
   * run holds the file (so two workers never both write it): `rowsDone` after it is the checkpoint a
   * retried run resumes from. Each row is written in a savepoint: a refused row is rolled back alone.
   */
  async writeBatch(
    lease: FileRunLease,
    importId: number,
    rowsDone: number,
    batch: readonly ImportItem[],
    write: (manager: EntityManager, cells: RowCells) => Promise<RowOutcome>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      const counts: Counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const item of batch) {
        const problems = await this.inSavepoint(manager, async () => {
          counts[await write(manager, item.cells)] += 1;
        });
        if (problems) {
          counts.rejected += 1;
          await manager.insert(
            BulkImportRejectionEntity,
            problems.map((p) => ({
              importId,
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
          rowsDone,
          rowsCreated: () => `rows_created + ${counts.created}`,
          rowsUpdated: () => `rows_updated + ${counts.updated}`,
          rowsUnchanged: () => `rows_unchanged + ${counts.unchanged}`,
          rowsRejected: () => `rows_rejected + ${counts.rejected}`,
        })
        .where('id = :id', { id: importId })
        .execute();
    });
  }

  /** The import succeeded, if this run still holds it. */
  async succeed(lease: FileRunLease, id: number, finishedAt: Date): Promise<BulkImportEntity> {
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      await manager.update(BulkImportEntity, id, { status: 'succeeded', finishedAt });
    });
    return this.dataSource.getRepository(BulkImportEntity).findOneByOrFail({ id });
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
}
