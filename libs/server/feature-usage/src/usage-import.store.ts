import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { usageColumns, usageFieldLabel, type UsageKind } from '@fleet/domain/billing';
import { FileRunLease, UsageImportEntity, UsageImportRejectionEntity } from '@fleet/server/persistence';
import type { LocalizedText } from '@fleet/server/platform';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { UsageChunk } from './usage-chunks';
import type { Rejection, SimInfo } from './usage-load';

/** A chunk of a usage import as stored (usage_import_chunks). */
export interface ChunkRow {
  id: number;
  import_id: number;
  chunk_no: number;
  byte_from: string;
  byte_to: string;
  first_row: number;
  status: string;
  rows_done: number;
}

/** What a chunk or an import loaded, as its counters record it. */
export interface LoadCounts {
  rowsDone: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/**
 * A usage import's run as stored: its status and counters, its rejections, its chunks (ADR 15) and the
 * SIMs its records are matched to. The records themselves go by COPY on the load's own connection
 * (connect); the monthly totals are UsageTotalsStore's.
 */
@Injectable()
export class UsageImportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: number): Promise<UsageImportEntity | null> {
    return this.dataSource.getRepository(UsageImportEntity).findOneBy({ id });
  }

  findOrFail(id: number): Promise<UsageImportEntity> {
    return this.dataSource.getRepository(UsageImportEntity).findOneByOrFail({ id });
  }

  /**
   * A run starts over: whatever an interrupted attempt committed all the same (records, rejections,
   * chunks) is removed and the counters cleared, while this run holds the file.
   */
  async startOver(lease: FileRunLease, row: UsageImportEntity, startedAt: Date): Promise<void> {
    const id = row.id;
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      if (row.period) await manager.query(`DELETE FROM usage_records WHERE import_id = $1`, [id]);
      await manager.delete(UsageImportRejectionEntity, { importId: id });
      await manager.query(`DELETE FROM usage_import_chunks WHERE import_id = $1`, [id]);
      await manager.update(UsageImportEntity, id, {
        status: 'running',
        startedAt,
        finishedAt: null,
        rowsTotal: 0,
        rowsDone: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        rowsDuplicate: 0,
        error: null,
      });
    });
  }

  async setRowsTotal(id: number, rowsTotal: number): Promise<void> {
    await this.dataSource.query(`UPDATE usage_imports SET rows_total = $2 WHERE id = $1`, [id, rowsTotal]);
  }

  /** Progress of a load in one transaction, written outside it so the console sees it. */
  async progress(id: number, counts: LoadCounts): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports SET rows_done = $2, rows_accepted = $3, rows_rejected = $4 WHERE id = $1`,
      [id, counts.rowsDone, counts.rowsAccepted, counts.rowsRejected],
    );
  }

  /** A connection of its own for a load: its transaction and the COPY of its records. */
  async connect(): Promise<{ runner: QueryRunner; client: PoolClient }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    return { runner, client };
  }

  /** The import succeeds in the load's transaction (its records count from here on, in it). */
  async succeed(runner: QueryRunner, id: number): Promise<void> {
    await runner.manager.update(UsageImportEntity, id, { status: 'succeeded' });
  }

  /** The import's final counters, in the transaction that counts it. */
  async finished(
    manager: EntityManager,
    id: number,
    finishedAt: Date,
    counts: LoadCounts & { rowsDuplicate: number },
  ): Promise<void> {
    await manager.update(UsageImportEntity, id, {
      finishedAt,
      rowsTotal: counts.rowsDone,
      rowsDone: counts.rowsDone,
      rowsAccepted: counts.rowsAccepted,
      rowsRejected: counts.rowsRejected,
      rowsDuplicate: counts.rowsDuplicate,
    });
  }

  /** msisdn → SIM; a number reused after termination belongs to the live SIM. */
  async loadSims(): Promise<Map<string, SimInfo>> {
    const rows: {
      id: number;
      msisdn: string;
      iccid: string;
      apn: string | null;
      activated_on: string | null;
      term_months: number | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.msisdn, s.iccid, a.apn, s.activated_on::text, p.term_months
           FROM sim_cards s LEFT JOIN plans p ON p.id = s.plan_id LEFT JOIN apn_profiles a ON a.id = s.apn_profile_id
          ORDER BY (s.status <> 'terminated'), s.id`,
    );
    return new Map(
      rows.map((r) => [
        r.msisdn,
        {
          id: r.id,
          msisdn: r.msisdn,
          iccid: r.iccid,
          apn: r.apn,
          activatedOn: r.activated_on,
          termMonths: r.term_months,
        },
      ]),
    );
  }

  /**
   * Creates the month's partition (outside the import's transaction: DDL locks the parent) and records the
   * period. The application's role may not create tables: open_usage_month does it with the owner's rights.
   */
  async openPeriod(importId: number, period: string, kind: UsageKind): Promise<void> {
    if (kind === 'detail') {
      try {
        await this.dataSource.query('SELECT open_usage_month($1)', [period]);
      } catch (error) {
        // Two imports of a new month at once: the other one created it.
        if ((error as { code?: string }).code !== '42P07') throw error;
      }
    }
    await this.dataSource.getRepository(UsageImportEntity).update(importId, { period });
  }

  async insertRejections(
    row: UsageImportEntity,
    header: string[],
    rejections: Rejection[],
    runner: QueryRunner,
  ): Promise<void> {
    const labels = usageColumns(row.kind, header).columns;
    const headerOf = (field: string): string =>
      field in labels ? header[labels[field]] : usageFieldLabel(row.kind, field);
    await runner.manager.insert(
      UsageImportRejectionEntity,
      rejections.flatMap((r) =>
        r.problems.map((p) => ({
          importId: row.id,
          rowNo: r.rowNo,
          column: headerOf(p.field).slice(0, 64),
          reasonZh: p.reason.zh.slice(0, 500),
          reasonEn: p.reason.en.slice(0, 500),
          raw: r.raw,
        })),
      ),
    );
  }

  /** Of the given unfinished imports, those a chunk's lease says are in hand. */
  async chunksInHand(ids: number[]): Promise<Set<number>> {
    const busy = await this.dataSource.query<{ import_id: number }[]>(
      `SELECT DISTINCT import_id FROM usage_import_chunks WHERE import_id = ANY($1) AND lease_until > now()`,
      [ids],
    );
    return new Set(busy.map((r) => r.import_id));
  }

  /** Records an import's chunks and its rows to come, while this run holds the file. */
  async recordChunks(
    lease: FileRunLease,
    importId: number,
    chunks: UsageChunk[],
    rows: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      await manager.query(
        `INSERT INTO usage_import_chunks (import_id, chunk_no, byte_from, byte_to, first_row)
         SELECT $1, u.* FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::int[]) u`,
        [
          importId,
          chunks.map((c) => c.chunkNo),
          chunks.map((c) => c.from),
          chunks.map((c) => c.to),
          chunks.map((c) => c.firstRow),
        ],
      );
      await manager.update(UsageImportEntity, importId, { rowsTotal: rows });
    });
  }

  async chunkCount(importId: number): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int n FROM usage_import_chunks WHERE import_id = $1`,
      [importId],
    );
    return n;
  }

  /** The chunks of a running import with their status, in order (none for an import not running). */
  chunksOfRunning(importId: number): Promise<{ chunk_no: number; status: string }[]> {
    return this.dataSource.query<{ chunk_no: number; status: string }[]>(
      `SELECT c.chunk_no, c.status FROM usage_import_chunks c JOIN usage_imports i ON i.id = c.import_id
        WHERE c.import_id = $1 AND i.status = 'running' ORDER BY c.chunk_no`,
      [importId],
    );
  }

  async chunk(importId: number, chunkNo: number): Promise<ChunkRow | undefined> {
    const [chunk] = await this.dataSource.query<ChunkRow[]>(
      `SELECT * FROM usage_import_chunks WHERE import_id = $1 AND chunk_no = $2`,
      [importId, chunkNo],
    );
    return chunk;
  }

  takeChunkLease(chunk: ChunkRow): Promise<FileRunLease> {
    return FileRunLease.take(this.dataSource, 'usage_import_chunks', chunk.id);
  }

  /** A chunk's attempt starts; answers its number. */
  async startChunk(chunk: ChunkRow): Promise<number> {
    const [[{ attempts }]] = await this.dataSource.query<[{ attempts: number }[]]>(
      `UPDATE usage_import_chunks SET status = 'running', attempts = attempts + 1 WHERE id = $1 RETURNING attempts`,
      [chunk.id],
    );
    return attempts;
  }

  /** A chunk loaded, in its load's transaction: its counters and its SIMs' totals (for finish). */
  async chunkSucceeded(
    runner: QueryRunner,
    chunk: ChunkRow,
    counts: LoadCounts,
    totals: Record<string, number[]>,
  ): Promise<void> {
    await runner.query(
      `UPDATE usage_import_chunks SET status = 'succeeded', rows_done = $2, rows_accepted = $3, rows_rejected = $4,
              totals = $5 WHERE id = $1`,
      [chunk.id, counts.rowsDone, counts.rowsAccepted, counts.rowsRejected, JSON.stringify(totals)],
    );
  }

  /** The loaded chunks' accepted rows and totals, in order. */
  loadedChunks(
    importId: number,
  ): Promise<{ chunk_no: number; rows_accepted: number; totals: Record<string, number[]> | null }[]> {
    return this.dataSource.query(
      `SELECT chunk_no, rows_accepted, totals FROM usage_import_chunks WHERE import_id = $1 ORDER BY chunk_no`,
      [importId],
    );
  }

  async chunkProgress(chunk: ChunkRow, counts: LoadCounts): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_import_chunks SET rows_done = $2, rows_accepted = $3, rows_rejected = $4 WHERE id = $1`,
      [chunk.id, counts.rowsDone, counts.rowsAccepted, counts.rowsRejected],
    );
    await this.importProgress(chunk.import_id);
  }

  /** A chunked import's progress: the sum of its chunks'. */
  async importProgress(importId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports i SET rows_done = c.done, rows_accepted = c.accepted, rows_rejected = c.rejected
         FROM (SELECT sum(rows_done)::int done, sum(rows_accepted)::int accepted, sum(rows_rejected)::int rejected
                 FROM usage_import_chunks WHERE import_id = $1) c
        WHERE i.id = $1 AND i.status = 'running'`,
      [importId],
    );
  }

  /** A chunked import fails as a whole: what its chunks loaded never counts. */
  async failChunked(importId: number, error: LocalizedText, finishedAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1 AND status = 'running'`,
      [importId, JSON.stringify(error), finishedAt],
    );
  }

  /**
   * Counts a chunked import in one transaction, while this run holds it: the import succeeds, `count`
   * computes the month's totals (answering the duplicates), the counters are its chunks' sums.
   */
  async finishChunked(
    lease: FileRunLease,
    importId: number,
    count: (runner: QueryRunner) => Promise<number>,
    finishedAt: () => Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      await lease.confirm(manager);
      await manager.update(UsageImportEntity, importId, { status: 'succeeded' });
      const rowsDuplicate = await count(runner);
      const [sums] = await manager.query<{ done: number; accepted: number; rejected: number }[]>(
        `SELECT sum(rows_done)::int done, sum(rows_accepted)::int accepted, sum(rows_rejected)::int rejected
           FROM usage_import_chunks WHERE import_id = $1`,
        [importId],
      );
      await this.finished(manager, importId, finishedAt(), {
        rowsDone: sums.done,
        rowsAccepted: sums.accepted,
        rowsRejected: sums.rejected,
        rowsDuplicate,
      });
    });
  }
}
