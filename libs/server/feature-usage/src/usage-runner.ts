import { type FileHandle, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EMPTY_USAGE_FILE, notAUsageFileMessage, type UsageTotals } from '@fleet/domain/billing';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  type FileEncoding,
  FileImportError,
  FileImportRunner,
  FileImportStore,
  type FileFormat,
  type RunOptions,
} from '@fleet/server/file-import';
import type { FileRunLease, UsageImportEntity } from '@fleet/server/persistence';
import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { BINARY_COPY_FRAME, CopySegments } from './copy-segments';
import { type CutFile, cutUsageFile, periodOfFile } from './usage-chunks';
import { countLineBreaks, csvByteRuns, firstRow, usageLines } from './usage-file-reader';
import { USAGE_IMPORT } from './usage-import.kind';
import { USAGE_IMPORT_SUCCEEDED, type UsageImportSucceeded } from './usage-import.events';
import { type ChunkRow, UsageImportStore } from './usage-import.store';
import { KEY_BYTES, RecordSieve, type SimInfo, sieveKeys, UsageLoad } from './usage-load';
import { partitionOf, UsageTotalsStore } from './usage-totals.store';

export { partitionOf } from './usage-totals.store';

/** Progress is written every so many rows; summary rows are written in batches of this size. */
export const USAGE_BATCH_ROWS = 50_000;
/** Rejected rows are kept until this many, then written (the COPY pauses for it). */
const REJECTIONS_PER_WRITE = 1_000;

/** Where a chunk's records' keys are kept, next to the file, until the import is counted. */
const keyFileOf = (path: string, chunkNo: number): string => `${path}.chunk-${chunkNo}.keys`;

/**
 * Processes one usage file in a single database transaction: the rejections, the detail records (COPY
 * into the month's partition, batch by batch) and the monthly totals commit together or not at all, so
 * a failed or killed import changes nothing, and its retry starts over (after removing whatever an
 * interrupted attempt may have left). Progress is written outside that transaction after each batch,
 * so the console sees it while the import runs. The lease and the failures are the shared
 * FileImportRunner's; an import that succeeded is announced (USAGE_IMPORT_SUCCEEDED).
 */
@Injectable()
export class UsageRunner extends FileImportRunner<UsageImportEntity> {
  private readonly logger = new Logger(UsageRunner.name);
  /** Rows per batch; tests lower it to cross batch boundaries with small files. */
  batchRows = USAGE_BATCH_ROWS;

  constructor(
    files: FileImportStore,
    clock: Clock,
    private readonly store: UsageImportStore,
    private readonly totals: UsageTotalsStore,
    private readonly events: EventEmitter2,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(USAGE_IMPORT, files, clock);
  }

  /**
   * Runs one import under its lease (FileRunLease): throws LeaseHeldError while another worker runs it,
   * and LeaseLostError, having committed nothing, when another worker took it over. An import that has
   * succeeded (now or before) is announced.
   */
  override async run(importId: number, options: RunOptions): Promise<UsageImportEntity> {
    return this.announce(await super.run(importId, options));
  }

  /**
   * A chunked import already cut and running: its chunks and its finish are jobs of their own (see
   * pendingChunks). One queued again after it failed starts over, chunks and all.
   */
  protected override async inHand(row: UsageImportEntity): Promise<boolean> {
    return row.status === 'running' && (await this.store.chunkCount(row.id)) > 0;
  }

  /** The ids of imports not yet finished and not being run by any worker (for the reconciler). */
  override async unfinished(): Promise<number[]> {
    const ids = await super.unfinished();
    if (!ids.length) return ids;
    // A chunked import has no lease of its own while its chunks run: a chunk's lease says it is in hand.
    const inHand = await this.store.chunksInHand(ids);
    return ids.filter((id) => !inHand.has(id));
  }

  /** Tells whoever listens that an import succeeded (billing closes its month again if closed). */
  private async announce(row: UsageImportEntity): Promise<UsageImportEntity> {
    if (row.status === 'succeeded' && row.period) {
      const event: UsageImportSucceeded = { importId: row.id, period: row.period };
      await this.events.emitAsync(USAGE_IMPORT_SUCCEEDED, event);
    }
    return row;
  }

  protected async process(row: UsageImportEntity, lease: FileRunLease): Promise<UsageImportEntity> {
    const id = row.id;
    const path = join(this.config.dataDir, row.storedPath);
    const clock = performance.now();
    const took: Record<string, string> = {};
    const lap = (phase: string, since: number) => {
      took[phase] = `${((performance.now() - since) / 1000).toFixed(2)} s`;
      return performance.now();
    };
    // Counting the lines (for progress), or cutting the file in chunks (which counts them too), reads
    // the file while the database work below goes on.
    const mayCut = await this.mayCut(row, path);
    const counting = row.format === 'csv' && !mayCut ? countLineBreaks(path) : Promise.resolve(0);
    const cutting = mayCut ? cutUsageFile(path, this.config.ingestChunks.count) : null;
    cutting?.catch(() => undefined);
    // A retry starts over. An interrupted attempt's transaction normally rolled back; this removes
    // anything that was committed all the same, so nothing counts twice.
    await this.store.startOver(lease, row, this.clock.now());
    const sims = await this.store.loadSims();
    if (cutting && (await this.cutInChunks(row, path, await cutting, sims, lease)))
      return this.store.findOrFail(id);
    const rowsEstimate = Math.max(0, (await (mayCut ? countLineBreaks(path) : counting)) - 1);
    await this.store.setRowsTotal(id, rowsEstimate);
    let since = lap('prepare', clock);

    const { runner, client } = await this.store.connect();
    try {
      await runner.startTransaction();
      const loaded = await this.load(row, path, sims, rowsEstimate, runner, client);
      since = lap('read and store', since);
      // Commit only while this run still holds the file: a job that stalled and was picked up by
      // another worker meanwhile rolls back here, so no record is stored twice. The row stays locked
      // until the commit, and the import is succeeded from here on in this transaction: its records
      // count (counted_usage_records) in the totals below, and for everyone else once it commits.
      await lease.confirm(runner.manager);
      await this.store.succeed(runner, id);
      const rowsDuplicate =
        row.kind === 'detail' && loaded.period
          ? await this.totals.recomputeDetail(
              runner,
              id,
              loaded.period,
              sims,
              loaded.suspects,
              loaded.fileTotals,
            )
          : 0;
      since = lap(`totals (${loaded.suspects.size} SIMs deduplicated)`, since);
      await this.store.finished(runner.manager, id, this.clock.now(), {
        rowsDone: loaded.rowsDone,
        rowsAccepted: loaded.rowsAccepted,
        rowsRejected: loaded.rowsRejected,
        rowsDuplicate,
      });
      await runner.commitTransaction();
      lap('commit', since);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    const done = await this.store.findOrFail(id);
    this.logger.log(
      `usage import ${id} (${done.kind} ${done.period}): ${done.rowsAccepted} accepted, ${done.rowsRejected} rejected, ${done.rowsDuplicate} duplicate; ${Object.entries(
        took,
      )
        .map(([phase, time]) => `${phase} ${time}`)
        .join(', ')}`,
    );
    return done;
  }

  /**
   * Reads the file and writes what it accepts as it goes: detail records through one COPY into the
   * month's partition (closed only to write a batch of rejected rows), summary rows and rejections in
   * batches, progress every `batchRows` rows. Answers the counts, the file's period and the SIMs whose
   * records may repeat a key (see RecordSieve).
   */
  private async load(
    row: UsageImportEntity,
    path: string,
    sims: Map<string, SimInfo>,
    rowsEstimate: number,
    runner: QueryRunner,
    client: PoolClient,
    /** A chunk of the file (its row, and where its records' keys are written), or the whole file. */
    part?: { chunk: ChunkRow; keys: FileHandle },
  ) {
    const chunk = part?.chunk;
    const load = new UsageLoad(row.kind, row.id, sims, rowsEstimate);
    const encoding = (row.encoding as FileEncoding | null) ?? 'utf-8';
    if (chunk) {
      const header = chunk.chunk_no > 0 ? await firstRow(path, 'csv', encoding) : null;
      load.continueFile(header, chunk.first_row, row.period!);
      load.logKeys();
    }
    const copy = new CopySegments(
      client,
      () =>
        `COPY ${partitionOf(load.period!)} (import_id, row_no, sim_id, period, record_type, start_at, direction, counterpart, duration_s, volume_kb, apn) FROM STDIN (FORMAT binary)`,
      BINARY_COPY_FRAME,
    );
    let periodOpen = !!chunk;
    let reported = 0;
    const write = async (final: boolean) => {
      if (load.period && !periodOpen) {
        await this.store.openPeriod(row.id, load.period, row.kind);
        periodOpen = true;
      }
      for (const buffer of load.takeReady(final)) await copy.write(buffer);
      for (const keys of load.takeKeys(final)) await part!.keys.write(keys);
      if (load.rejections.length >= REJECTIONS_PER_WRITE || (final && load.rejections.length)) {
        await copy.end();
        await this.store.insertRejections(row, load.header, load.rejections.splice(0), runner);
      }
      if (final) await copy.end();
      if (load.summary.size && load.period && (final || load.summary.size >= this.batchRows)) {
        const summary = load.summary;
        load.summary = new Map();
        await this.totals.upsertSummary(runner, row.id, load.period, summary);
      }
      if (!final && load.rowsDone - reported >= this.batchRows) {
        reported = load.rowsDone;
        if (chunk) await this.store.chunkProgress(chunk, load);
        else await this.store.progress(row.id, load);
      }
    };

    const format = row.format as FileFormat;
    if (row.kind === 'detail' && format === 'csv') {
      const range = chunk ? { from: Number(chunk.byte_from), to: Number(chunk.byte_to) } : undefined;
      for await (const run of csvByteRuns(path, encoding, range)) {
        load.consumeBytes(run);
        await write(false);
      }
    } else {
      for await (const run of usageLines(path, format, encoding)) {
        for (const line of run) load.cells(line.rowNo, line.cells);
        await write(false);
      }
    }
    if (!load.columns) throw new FileImportError(notAUsageFileMessage(null, []));
    if (!load.rowsDone && !chunk) throw new FileImportError(EMPTY_USAGE_FILE);
    await write(true);
    return {
      rowsDone: load.rowsDone,
      rowsAccepted: load.rowsAccepted,
      rowsRejected: load.rowsRejected,
      period: load.period,
      suspects: load.suspects,
      fileTotals: load.fileTotals(),
    };
  }

  /**
   * Cuts a large detail CSV into chunks (ADR 15) and records them, the import running: answers false,
   * having done nothing, when the file is loaded as one job (small, not a detail CSV, one chunk, or no
   * accepted row to take the month from). The month's partition is opened here, once.
   */
  private async cutInChunks(
    row: UsageImportEntity,
    path: string,
    cut: CutFile | null,
    sims: Map<string, SimInfo>,
    lease: FileRunLease,
  ): Promise<boolean> {
    const since = performance.now();
    if (!cut || cut.chunks.length < 2) return false;
    const encoding = (row.encoding as FileEncoding | null) ?? 'utf-8';
    const period = await periodOfFile(path, encoding, row.id, sims);
    if (!period) return false;
    await this.store.openPeriod(row.id, period, 'detail');
    await this.store.recordChunks(lease, row.id, cut.chunks, cut.rows);
    this.logger.log(
      `usage import ${row.id}: ${cut.chunks.length} chunks of ${period}; month and chunks recorded in ${((performance.now() - since) / 1000).toFixed(2)} s after the cut`,
    );
    return true;
  }

  /** Whether a file is loaded in chunks: a detail CSV of at least INGEST_CHUNK_MIN_BYTES, chunks set above 1. */
  private async mayCut(row: UsageImportEntity, path: string): Promise<boolean> {
    const { count, minBytes } = this.config.ingestChunks;
    if (row.kind !== 'detail' || row.format !== 'csv' || count < 2) return false;
    return (await stat(path)).size >= Math.max(1, minBytes);
  }

  /**
   * What a running chunked import still needs: the chunks not loaded (their jobs to be made sure of) and
   * whether all are loaded (its finish to be made sure of). Nothing for an import that is not running.
   */
  async pendingChunks(importId: number): Promise<{ chunks: number[]; allLoaded: boolean }> {
    const rows = await this.store.chunksOfRunning(importId);
    const chunks = rows.filter((r) => r.status !== 'succeeded').map((r) => r.chunk_no);
    return { chunks, allLoaded: rows.length > 0 && !chunks.length };
  }

  /**
   * Loads one chunk of a running import under the chunk's lease, in one transaction: its records, its
   * rejections and its status commit together, so a failed chunk left nothing and its retry starts it
   * over alone. The records do not count until the import has succeeded (finish).
   */
  async runChunk(
    importId: number,
    chunkNo: number,
    options: { lastAttempt: boolean },
  ): Promise<{ status: string; rowsDone: number }> {
    const row = await this.store.find(importId);
    if (!row) throw new UnrecoverableError(`no usage import ${importId}`);
    const chunk = await this.store.chunk(importId, chunkNo);
    if (!chunk) throw new UnrecoverableError(`no chunk ${chunkNo} of usage import ${importId}`);
    if (row.status !== 'running' || chunk.status === 'succeeded')
      return { status: chunk.status, rowsDone: chunk.rows_done };
    const lease = await this.store.takeChunkLease(chunk);
    const { runner, client } = await this.store.connect();
    try {
      const attempts = await this.store.startChunk(chunk);
      const since = performance.now();
      const path = join(this.config.dataDir, row.storedPath);
      const sims = await this.store.loadSims();
      await runner.startTransaction();
      // The chunk's keys, written out before it commits, for the file's sieve in finish().
      const keys = await open(keyFileOf(path, chunkNo), 'w');
      let loaded: Awaited<ReturnType<UsageRunner['load']>>;
      try {
        loaded = await this.load(row, path, sims, 0, runner, client, { chunk, keys });
        await keys.sync();
      } finally {
        await keys.close();
      }
      if (attempts === 1 && this.failChunksOnce.has(chunkNo))
        throw new Error(`chunk ${chunkNo} of usage import ${importId} fails its first attempt (test)`);
      await lease.confirm(runner.manager);
      await this.store.chunkSucceeded(
        runner,
        chunk,
        loaded,
        Object.fromEntries(
          [...loaded.fileTotals].map(([simId, t]) => [simId, [t.voiceMin, t.sms, t.nationalKb, t.apnKb]]),
        ),
      );
      await runner.commitTransaction();
      await this.store.importProgress(importId);
      this.logger.log(
        `usage import ${importId} chunk ${chunkNo}: ${loaded.rowsAccepted} accepted, ${loaded.rowsRejected} rejected; read and store ${((performance.now() - since) / 1000).toFixed(2)} s`,
      );
      return { status: 'succeeded', rowsDone: loaded.rowsDone };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      return await this.failed(error, options.lastAttempt, (text) =>
        this.store.failChunked(importId, text, this.clock.now()),
      );
    } finally {
      await runner.release();
      await lease.release();
    }
  }

  /**
   * The file's totals and suspects as a reading of the whole file finds them: the chunks' totals summed,
   * their keys sieved in the file's order (one RecordSieve, so a key repeated across chunks is caught as
   * within one). Totals null (every SIM counted exactly) when a chunk's keys are missing.
   */
  private async sieveChunks(
    importId: number,
    path: string,
  ): Promise<{ suspects: Set<number>; fileTotals: Map<number, UsageTotals> | null }> {
    const chunks = await this.store.loadedChunks(importId);
    const suspects = new Set<number>();
    const fileTotals = new Map<number, UsageTotals>();
    const sieve = new RecordSieve(
      chunks.reduce((sum, c) => sum + c.rows_accepted, 0),
      (simId) => suspects.add(simId),
    );
    const buffer = Buffer.alloc(KEY_BYTES * 65_536);
    for (const chunk of chunks) {
      if (!chunk.totals) return { suspects, fileTotals: null };
      for (const [simId, [voiceMin, sms, nationalKb, apnKb]] of Object.entries(chunk.totals)) {
        const t = fileTotals.get(Number(simId)) ?? { voiceMin: 0, sms: 0, nationalKb: 0, apnKb: 0 };
        fileTotals.set(Number(simId), {
          voiceMin: t.voiceMin + voiceMin,
          sms: t.sms + sms,
          nationalKb: t.nationalKb + nationalKb,
          apnKb: t.apnKb + apnKb,
        });
      }
      const keys = await open(keyFileOf(path, chunk.chunk_no), 'r').catch(() => null);
      if (!keys) return { suspects, fileTotals: null };
      try {
        for (let at = 0; ;) {
          const { bytesRead } = await keys.read(buffer, 0, buffer.length, at);
          if (bytesRead < KEY_BYTES) break;
          sieveKeys(sieve, buffer.subarray(0, bytesRead - (bytesRead % KEY_BYTES)));
          at += bytesRead - (bytesRead % KEY_BYTES);
        }
      } finally {
        await keys.close();
      }
    }
    sieve.flush();
    return { suspects, fileTotals };
  }

  /** Tests only: chunk numbers whose first attempt fails after its records were copied. */
  readonly failChunksOnce = new Set<number>();

  /**
   * Counts a chunked import whose chunks are all loaded: under the import's lease, in one transaction,
   * the import succeeds (its records count from here on) and the month's totals of its SIMs are
   * computed from the records that count. Does nothing while a chunk is not loaded.
   */
  async finish(importId: number): Promise<UsageImportEntity> {
    const found = await this.store.find(importId);
    if (!found) throw new UnrecoverableError(`no usage import ${importId}`);
    if (found.status !== 'running' || !(await this.pendingChunks(importId)).allLoaded)
      return this.announce(found);
    const lease = await this.files.takeLease('usage_imports', importId);
    const since = performance.now();
    const path = join(this.config.dataDir, found.storedPath);
    try {
      const sims = await this.store.loadSims();
      const { suspects, fileTotals } = await this.sieveChunks(importId, path);
      await this.store.finishChunked(
        lease,
        importId,
        (runner) => this.totals.recomputeDetail(runner, importId, found.period!, sims, suspects, fileTotals),
        () => this.clock.now(),
      );
    } finally {
      await lease.release();
    }
    const chunks = await this.store.chunkCount(importId);
    for (let n = 0; n < chunks; n += 1) await rm(keyFileOf(path, n), { force: true });
    const done = await this.store.findOrFail(importId);
    this.logger.log(
      `usage import ${importId} (chunked, ${done.period}): ${done.rowsAccepted} accepted, ${done.rowsRejected} rejected, ${done.rowsDuplicate} duplicate; totals ${((performance.now() - since) / 1000).toFixed(2)} s`,
    );
    return this.announce(done);
  }

  /**
   * Counts a month's detail records again into its monthly totals, every SIM at once (as an import
   * does for the SIMs it touches): for operations, and the close benchmark. Answers how many SIMs.
   */
  async recountMonth(period: string): Promise<number> {
    return this.totals.recountMonth(period, await this.store.loadSims());
  }
}
