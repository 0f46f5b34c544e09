import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The tables whose rows are file runs (FileRunColumns): roster imports and carrier usage imports, and
 * the chunks of a usage import (each run on its own, with the same lease columns).
 */
export type FileRunTable = 'bulk_imports' | 'usage_imports' | 'usage_import_chunks';

/** Another run holds the file's lease: try again once it has finished or lapsed. */
export class LeaseHeldError extends Error {
  constructor(table: FileRunTable, id: number) {
    super(`${table} ${id} is being processed by another worker`);
    this.name = 'LeaseHeldError';
  }
}

/** This run's lease lapsed and another run took the file: nothing of this run may commit. */
export class LeaseLostError extends Error {
  constructor(table: FileRunTable, id: number) {
    super(`${table} ${id}: the lease was lost to another worker; this run's writes are dropped`);
    this.name = 'LeaseLostError';
  }
}

/** The ids of a table's runs not yet finished that no worker holds (for the reconciler). */
export async function unfinishedFileRuns(dataSource: DataSource, table: FileRunTable): Promise<number[]> {
  const rows = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM ${table} WHERE status IN ('queued', 'running')
        AND (lease_until IS NULL OR lease_until < now()) ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** How long a lease holds without renewal; renewed every third of it while the run goes on. */
export const FILE_RUN_LEASE_SECONDS = 60;

/**
 * One worker at a time processes a file: a run takes the lease on the file's row (a token and an
 * expiry in database time), renews it while it works, and checks it again, with the row locked, in
 * the transaction that commits its writes. A job that stalled (Redis gone, a worker frozen) and was
 * picked up elsewhere therefore either waits for the lease or, if its own lapsed, commits nothing: the
 * file's records are stored once, whatever the number of workers.
 */
export class FileRunLease {
  private lost = false;
  private readonly renewal: NodeJS.Timeout;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly table: FileRunTable,
    readonly id: number,
    readonly token: string,
    private readonly seconds: number,
  ) {
    this.renewal = setInterval(() => void this.renew(), (seconds * 1000) / 3);
    this.renewal.unref();
  }

  /** Takes the lease of an unfinished file run, or throws LeaseHeldError while another run holds it. */
  static async take(
    dataSource: DataSource,
    table: FileRunTable,
    id: number,
    seconds = FILE_RUN_LEASE_SECONDS,
  ): Promise<FileRunLease> {
    const token = randomUUID();
    const taken = await dataSource.query<[unknown[], number]>(
      `UPDATE ${table} SET lease_token = $2, lease_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now())
        RETURNING id`,
      [id, token, seconds],
    );
    if (!taken[1]) throw new LeaseHeldError(table, id);
    return new FileRunLease(dataSource, table, id, token, seconds);
  }

  /** Throws LeaseLostError when a renewal found the lease taken by another run. */
  assertHeld(): void {
    if (this.lost) throw new LeaseLostError(this.table, this.id);
  }

  /**
   * In the transaction that commits the run's writes: locks the file's row and checks that the lease
   * is still this run's. Another run cannot take it from here until the transaction ends.
   */
  async confirm(manager: EntityManager): Promise<void> {
    const rows = await manager.query<unknown[]>(
      `SELECT id FROM ${this.table} WHERE id = $1 AND lease_token = $2 FOR UPDATE`,
      [this.id, this.token],
    );
    if (!rows.length) {
      this.lost = true;
      throw new LeaseLostError(this.table, this.id);
    }
  }

  /** Ends the run: stops renewing and frees the row for the next run, if it is still this run's. */
  async release(): Promise<void> {
    clearInterval(this.renewal);
    await this.dataSource
      .query(
        `UPDATE ${this.table} SET lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2`,
        [this.id, this.token],
      )
      .catch(() => undefined);
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    try {
      const renewed = await this.dataSource.query<[unknown[], number]>(
        `UPDATE ${this.table} SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_token = $2`,
        [this.id, this.token, this.seconds],
      );
      if (!renewed[1]) this.lost = true;
    } catch {
      // The database is unreachable for now: the lease may lapse, and confirm() will tell.
    }
  }
}
