import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileRunLease, type FileRunTable, unfinishedFileRuns } from '@fleet/server/persistence';
import {
  type Actor,
  type AuditService,
  findList,
  type ListQuery,
  type ListResult,
  type LocalizedText,
  type RejectedRow,
  requeueFailedRun,
} from '@fleet/server/platform';
import type { DataSource, DeepPartial, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { FileImportKind, FileImportRow } from './file-import.kind';

/** The file imports' tables as the pipeline reads and writes them, whatever the kind (its entity given). */
@Injectable()
export class FileImportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById<E extends FileImportRow>(entity: EntityTarget<E>, id: number): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ id } as FindOptionsWhere<E>);
  }

  findBySha256<E extends FileImportRow>(entity: EntityTarget<E>, sha256: string): Promise<E | null> {
    return this.dataSource.getRepository(entity).findOneBy({ sha256 } as unknown as FindOptionsWhere<E>);
  }

  /** Inserts an import's row and its audit row in one transaction. */
  register<E extends FileImportRow>(
    entity: EntityTarget<E>,
    values: DeepPartial<E>,
    audited: (manager: EntityManager, row: E) => Promise<void>,
  ): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(entity, manager.create(entity, values));
      await audited(manager, row);
      return row;
    });
  }

  /** A failed import queued again, audited (requeueFailedRun), in a transaction of its own. */
  requeueFailed<E extends FileImportRow>(
    kind: FileImportKind<E, unknown>,
    id: number,
    audit: AuditService,
    actor: Actor,
  ): Promise<E> {
    return this.dataSource.transaction((manager) =>
      requeueFailedRun(manager, kind.entity, kind.resource, id, audit, actor),
    );
  }

  async list<E extends FileImportRow>(
    kind: FileImportKind<E, unknown>,
    query: ListQuery,
  ): Promise<ListResult<E>> {
    const builder = this.dataSource.getRepository(kind.entity).createQueryBuilder('e');
    return findList(kind.resource, builder, query, kind.list.search);
  }

  /** An import's rejected rows in the file's order. */
  rejections(
    entity: EntityTarget<RejectedRow & { importId: number }>,
    importId: number,
  ): Promise<RejectedRow[]> {
    return this.dataSource
      .getRepository(entity)
      .find({ where: { importId }, order: { rowNo: 'ASC', id: 'ASC' } as never });
  }

  /** The ids of a table's imports not yet finished and not being run by any worker (for the reconciler). */
  unfinished(table: FileRunTable): Promise<number[]> {
    return unfinishedFileRuns(this.dataSource, table);
  }

  /** Takes the run's lease (FileRunLease), or throws LeaseHeldError while another run holds it. */
  takeLease(table: FileRunTable, id: number): Promise<FileRunLease> {
    return FileRunLease.take(this.dataSource, table, id);
  }

  /** Marks the import failed, if this run still holds it. */
  async fail(table: FileRunTable, lease: FileRunLease, error: LocalizedText, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${table} SET status = 'failed', error = $3, finished_at = $4 WHERE id = $1 AND lease_token = $2`,
      [lease.id, lease.token, JSON.stringify(error), now],
    );
  }
}
