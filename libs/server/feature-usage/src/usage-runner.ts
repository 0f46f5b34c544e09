import { type FileHandle, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMPTY_USAGE_FILE,
  notAUsageFileMessage,
  type SummaryRow,
  usageColumns,
  type UsageTotals,
  usageFieldLabel,
  type UsageKind,
} from '@fleet/domain/billing';
import { simPlanCoversMonth } from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { RosterFileError, type RosterEncoding, type RosterFormat } from '@fleet/server/feature-imports';
import {
  FileRunLease,
  LeaseLostError,
  unfinishedFileRuns,
  UsageImportEntity,
  UsageImportRejectionEntity,
} from '@fleet/server/persistence';
import type { LocalizedText } from '@fleet/server/platform';
import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { BINARY_COPY_FRAME, CopySegments } from './copy-segments';
import { type CutFile, cutUsageFile, periodOfFile } from './usage-chunks';
import { countLineBreaks, csvByteRuns, firstRow, usageLines } from './usage-file-reader';
import { KEY_BYTES, type Rejection, RecordSieve, type SimInfo, sieveKeys, UsageLoad } from './usage-load';

/** Progress is written every so many rows; summary rows are written in batches of this size. */
export const USAGE_BATCH_ROWS = 50_000;
/** Rejected rows are kept until this many, then written (the COPY pauses for it). */
const REJECTIONS_PER_WRITE = 1_000;

/** A chunk of a usage import as stored (usage_import_chunks). */
interface ChunkRow {
  id: number;
  import_id: number;
  chunk_no: number;
  byte_from: string;
  byte_to: string;
  first_row: number;
  status: string;
  rows_done: number;
}

/** Where a chunk's records' keys are kept, next to the file, until the import is counted. */
const keyFileOf = (path: string, chunkNo: number): string => `${path}.chunk-${chunkNo}.keys`;

/** The partition of a billing month (the name is built from a validated YYYY-MM). */
export function partitionOf(period: string): string {
  if (!/^\d{4}-\d{2}$/.test(period)) throw new RangeError(`not a period: ${period}`);
  return `usage_records_${period.replace('-', '_')}`;
}

const SYSTEM_ERROR: LocalizedText = {
  zh: '导入因系统错误中断，未计入任何记录；请稍后重新上传该文件',
  en: 'The import stopped on a system error and counted nothing; upload the file again later',
};

/**
 * Processes one usage file in a single database transaction: the rejections, the detail records (COPY
 * into the month's partition, batch by batch) and the monthly totals commit together or not at all, so
 * a failed or killed import changes nothing, and its retry starts over (after removing whatever an
 * interrupted attempt may have left). Progress is written outside that transaction after each batch,
 * so the console sees it while the import runs.
 */
@Injectable()
export class UsageRunner {
  private readonly logger = new Logger(UsageRunner.name);
  /** Rows per batch; tests lower it to cross batch boundaries with small files. */
  batchRows = USAGE_BATCH_ROWS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs one import under its lease (FileRunLease): throws LeaseHeldError while another worker runs it,
   * and LeaseLostError, having committed nothing, when another worker took it over.
   */
  async run(importId: number, options: { lastAttempt: boolean }): Promise<UsageImportEntity> {
    const found = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id: importId });
    if (!found) throw new UnrecoverableError(`no usage import ${importId}`);
    if (found.status === 'succeeded' || found.status === 'failed') return found;
    // A chunked import already cut and running: its chunks and its finish are jobs of their own (see
    // pendingChunks). One queued again after it failed starts over, chunks and all.
    if (found.status === 'running' && (await this.chunkCount(importId))) return found;
    const lease = await FileRunLease.take(this.dataSource, 'usage_imports', importId);
    try {
      return await this.process(found, lease);
    } catch (error) {
      return await this.failed(error, options.lastAttempt, (text) => this.fail(lease, text));
    } finally {
      await lease.release();
    }
  }

  /**
   * Rethrows a run's failure after marking the import failed where no retry can help: at once for a
   * fault of the file (not retried), on the last attempt for any other; a lost lease leaves it alone.
   */
  private async failed(
    error: unknown,
    lastAttempt: boolean,
    fail: (text: LocalizedText) => Promise<void>,
  ): Promise<never> {
    if (error instanceof LeaseLostError) throw error;
    if (error instanceof RosterFileError) {
      await fail(error.text);
      throw new UnrecoverableError(error.text.en);
    }
    if (lastAttempt) await fail(SYSTEM_ERROR);
    throw error;
  }

  /** The ids of imports not yet finished and not being run by any worker (for the reconciler). */
  async unfinished(): Promise<number[]> {
    const ids = await unfinishedFileRuns(this.dataSource, 'usage_imports');
    if (!ids.length) return ids;
    // A chunked import has no lease of its own while its chunks run: a chunk's lease says it is in hand.
    const busy = await this.dataSource.query<{ import_id: number }[]>(
      `SELECT DISTINCT import_id FROM usage_import_chunks WHERE import_id = ANY($1) AND lease_until > now()`,
      [ids],
    );
    const inHand = new Set(busy.map((r) => r.import_id));
    return ids.filter((id) => !inHand.has(id));
  }

  private async process(row: UsageImportEntity, lease: FileRunLease): Promise<UsageImportEntity> {
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
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      if (row.period) await manager.query(`DELETE FROM usage_records WHERE import_id = $1`, [id]);
      await manager.delete(UsageImportRejectionEntity, { importId: id });
      await manager.query(`DELETE FROM usage_import_chunks WHERE import_id = $1`, [id]);
      await manager.update(UsageImportEntity, id, {
        status: 'running',
        startedAt: this.clock.now(),
        finishedAt: null,
        rowsTotal: 0,
        rowsDone: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        rowsDuplicate: 0,
        error: null,
      });
    });
    const sims = await this.loadSims();
    if (cutting && (await this.cutInChunks(row, path, await cutting, sims, lease)))
      return this.dataSource.getRepository(UsageImportEntity).findOneByOrFail({ id });
    const rowsEstimate = Math.max(0, (await (mayCut ? countLineBreaks(path) : counting)) - 1);
    await this.dataSource.query(`UPDATE usage_imports SET rows_total = $2 WHERE id = $1`, [id, rowsEstimate]);
    let since = lap('prepare', clock);

    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const loaded = await this.load(row, path, sims, rowsEstimate, runner, client);
      since = lap('read and store', since);
      // Commit only while this run still holds the file: a job that stalled and was picked up by
      // another worker meanwhile rolls back here, so no record is stored twice. The row stays locked
      // until the commit, and the import is succeeded from here on in this transaction: its records
      // count (counted_usage_records) in the totals below, and for everyone else once it commits.
      await lease.confirm(runner.manager);
      await runner.manager.update(UsageImportEntity, id, { status: 'succeeded' });
      const rowsDuplicate =
        row.kind === 'detail' && loaded.period
          ? await this.recomputeDetail(runner, id, loaded.period, sims, loaded.suspects, loaded.fileTotals)
          : 0;
      since = lap(`totals (${loaded.suspects.size} SIMs deduplicated)`, since);
      await runner.manager.update(UsageImportEntity, id, {
        finishedAt: this.clock.now(),
        rowsTotal: loaded.rowsDone,
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
    const done = await this.dataSource.getRepository(UsageImportEntity).findOneByOrFail({ id });
    this.logger.log(
      `usage import ${id} (${done.kind} ${done.period}): ${done.rowsAccepted} accepted, ${done.rowsRejected} rejected, ${done.rowsDuplicate} duplicate; ${Object.entries(
        took,
      )
        .map(([phase, time]) => `${phase} ${time}`)
        .join(', ')}`,
    );
    return done;
  }

  /** The month of an import that succeeded (null otherwise): the worker closes it again if it was closed. */
  async periodOf(importId: number): Promise<string | null> {
    const row = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id: importId });
    return row?.status === 'succeeded' ? row.period : null;
  }

  /** msisdn → SIM; a number reused after termination belongs to the live SIM. */
  private async loadSims(): Promise<Map<string, SimInfo>> {
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
    const encoding = (row.encoding as RosterEncoding | null) ?? 'utf-8';
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
        await this.openPeriod(row.id, load.period, row.kind);
        periodOpen = true;
      }
      for (const buffer of load.takeReady(final)) await copy.write(buffer);
      for (const keys of load.takeKeys(final)) await part!.keys.write(keys);
      if (load.rejections.length >= REJECTIONS_PER_WRITE || (final && load.rejections.length)) {
        await copy.end();
        await this.insertRejections(row, load.header, load.rejections.splice(0), runner);
      }
      if (final) await copy.end();
      if (load.summary.size && load.period && (final || load.summary.size >= this.batchRows)) {
        const summary = load.summary;
        load.summary = new Map();
        await this.upsertSummary(runner, row.id, load.period, summary);
      }
      if (!final && load.rowsDone - reported >= this.batchRows) {
        reported = load.rowsDone;
        if (chunk) await this.chunkProgress(chunk, load);
        else
          await this.dataSource.query(
            `UPDATE usage_imports SET rows_done = $2, rows_accepted = $3, rows_rejected = $4 WHERE id = $1`,
            [row.id, load.rowsDone, load.rowsAccepted, load.rowsRejected],
          );
      }
    };

    const format = row.format as RosterFormat;
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
    if (!load.columns) throw new RosterFileError(notAUsageFileMessage(null, []));
    if (!load.rowsDone && !chunk) throw new RosterFileError(EMPTY_USAGE_FILE);
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
   * Creates the month's partition (outside the import's transaction: DDL locks the parent) and records the
   * period. The application's role may not create tables: open_usage_month does it with the owner's rights.
   */
  private async openPeriod(importId: number, period: string, kind: UsageKind): Promise<void> {
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

  private async insertRejections(
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

  private outsidePlan(
    sim: { activatedOn: string | null; termMonths: number | null },
    period: string,
  ): boolean {
    return !simPlanCoversMonth(sim, period);
  }

  /** A summary's rows are the month's totals (source 'summary'), replacing whatever was there. */
  private async upsertSummary(
    runner: QueryRunner,
    importId: number,
    period: string,
    rows: Map<number, SummaryRow>,
  ): Promise<void> {
    const simIds = [...rows.keys()];
    const plans = (await runner.query(
      `SELECT s.id, s.activated_on::text, p.term_months FROM sim_cards s LEFT JOIN plans p ON p.id = s.plan_id WHERE s.id = ANY($1)`,
      [simIds],
    )) as { id: number; activated_on: string | null; term_months: number | null }[];
    const outside = new Map(
      plans.map((p) => [
        p.id,
        this.outsidePlan({ activatedOn: p.activated_on, termMonths: p.term_months }, period),
      ]),
    );
    const values = simIds.map((id) => rows.get(id)!);
    await this.upsertTotals(runner, importId, period, 'summary', simIds, {
      voiceMin: values.map((v) => v.voiceMin),
      sms: values.map((v) => v.sms),
      nationalKb: values.map((v) => v.nationalKb),
      apnKb: values.map((v) => v.apnKb),
      carrierOverageFen: values.map((v) => v.carrierOverageFen),
      outsidePlan: simIds.map((id) => outside.get(id) ?? true),
    });
  }

  private async upsertTotals(
    runner: QueryRunner,
    importId: number | null,
    period: string,
    source: UsageKind,
    simIds: number[],
    v: {
      voiceMin: number[];
      sms: number[];
      nationalKb: number[];
      apnKb: number[];
      carrierOverageFen: (number | null)[];
      outsidePlan: boolean[];
    },
  ): Promise<void> {
    if (!simIds.length) return;
    await runner.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, carrier_overage_fen, outside_plan, source, import_id, computed_at)
       SELECT u.*, $9, $10, now() FROM unnest($1::int[], $2::char(7)[], $3::int[], $4::int[], $5::bigint[], $6::bigint[], $7::int[], $8::boolean[]) u
       ON CONFLICT (sim_id, period) DO UPDATE SET voice_min = EXCLUDED.voice_min, sms = EXCLUDED.sms,
         national_kb = EXCLUDED.national_kb, apn_kb = EXCLUDED.apn_kb, carrier_overage_fen = EXCLUDED.carrier_overage_fen,
         outside_plan = EXCLUDED.outside_plan, source = EXCLUDED.source, import_id = EXCLUDED.import_id, computed_at = now()`,
      [
        simIds,
        simIds.map(() => period),
        v.voiceMin,
        v.sms,
        v.nationalKb,
        v.apnKb,
        v.carrierOverageFen,
        v.outsidePlan,
        source,
        importId,
      ],
    );
  }

  /**
   * The month's totals of the SIMs this import touched, from every import's records of the month
   * (§3.4): one record per key, the latest import's; outgoing calls rounded up per call; sent
   * messages; data on the SIM's APN profile's APN as APN data, the rest national. Answers how many of
   * this import's records an earlier import already had.
   *
   * Deduplicating means sorting the records by key, the costliest step of an import; it is done for
   * the SIMs that need it: all of them when an earlier import of the month exists, otherwise only the
   * `suspects`, whose records may repeat a key within this file. The other SIMs' records all have
   * different keys, so their sums are the same without the sort.
   */
  private async recomputeDetail(
    runner: QueryRunner,
    importId: number,
    period: string,
    sims: Map<string, SimInfo>,
    suspects: Set<number>,
    /** Null: every SIM of the import is counted from the records (a chunked import). */
    fileTotals: Map<number, UsageTotals> | null,
  ): Promise<number> {
    const part = partitionOf(period);
    // Imports of the same month recompute one after the other, each seeing the other's committed records.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`usage-period:${period}`]);
    await runner.query(`SET LOCAL work_mem = '64MB'`);
    const [{ earlier }] = (await runner.query(
      `SELECT EXISTS (SELECT 1 FROM usage_imports WHERE period = $2 AND kind = 'detail' AND status = 'succeeded' AND id <> $1) earlier`,
      [importId, period],
    )) as { earlier: boolean }[];
    let duplicates = 0;
    if (earlier)
      [{ n: duplicates }] = (await runner.query(
        `SELECT count(*)::int n FROM ${part} r WHERE r.import_id = $1 AND EXISTS (
           SELECT 1 FROM ${part} o WHERE o.import_id < $1 AND o.sim_id = r.sim_id AND o.record_type = r.record_type
             AND o.start_at = r.start_at AND coalesce(o.direction, '') = coalesce(r.direction, '')
             AND coalesce(o.counterpart, '') = coalesce(r.counterpart, ''))`,
        [importId],
      )) as { n: number }[];
    const totalsOf = (simIds: number[]) => this.countedTotals(runner, period, simIds);
    // Without an earlier import the file's own totals are the month's, except where a key may repeat.
    const totals =
      earlier || !fileTotals
        ? await totalsOf(
            (
              (await runner.query(`SELECT array_agg(DISTINCT sim_id) ids FROM ${part} WHERE import_id = $1`, [
                importId,
              ])) as { ids: number[] | null }[]
            )[0].ids ?? [],
          )
        : [
            ...[...fileTotals]
              .filter(([simId]) => !suspects.has(simId))
              .map(([simId, t]) => ({ simId, ...t })),
            ...(suspects.size ? await totalsOf([...suspects]) : []),
          ];
    await this.writeDetailTotals(
      runner,
      importId,
      period,
      totals,
      new Map([...sims.values()].map((s) => [s.id, s])),
    );
    return duplicates;
  }

  private writeDetailTotals(
    runner: QueryRunner,
    importId: number | null,
    period: string,
    totals: (UsageTotals & { simId: number })[],
    byId: Map<number, SimInfo>,
  ): Promise<void> {
    return this.upsertTotals(
      runner,
      importId,
      period,
      'detail',
      totals.map((t) => t.simId),
      {
        voiceMin: totals.map((t) => t.voiceMin),
        sms: totals.map((t) => t.sms),
        nationalKb: totals.map((t) => t.nationalKb),
        apnKb: totals.map((t) => t.apnKb),
        carrierOverageFen: totals.map(() => null),
        outsidePlan: totals.map((t) => {
          const sim = byId.get(t.simId);
          return sim ? this.outsidePlan(sim, period) : true;
        }),
      },
    );
  }

  /**
   * The month's totals per SIM from the records that count (counted_usage_records, the one definition
   * of §3.4): of the given SIMs, or of every SIM with records when `simIds` is null.
   */
  private async countedTotals(
    runner: QueryRunner,
    period: string,
    simIds: number[] | null,
  ): Promise<(UsageTotals & { simId: number })[]> {
    const rows = (await runner.query(
      `SELECT c.sim_id,
              coalesce(sum(c.amount) FILTER (WHERE c.category = 'voice'), 0)::int voice_min,
              coalesce(sum(c.amount) FILTER (WHERE c.category = 'sms'), 0)::int sms,
              coalesce(sum(c.amount) FILTER (WHERE c.category = 'national'), 0)::bigint national_kb,
              coalesce(sum(c.amount) FILTER (WHERE c.category = 'apn'), 0)::bigint apn_kb
         FROM counted_usage_records($1, $2::int[]) c
        GROUP BY c.sim_id`,
      [period, simIds],
    )) as { sim_id: number; voice_min: number; sms: number; national_kb: string; apn_kb: string }[];
    return rows.map((t) => ({
      simId: t.sim_id,
      voiceMin: t.voice_min,
      sms: t.sms,
      nationalKb: Number(t.national_kb),
      apnKb: Number(t.apn_kb),
    }));
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
    const encoding = (row.encoding as RosterEncoding | null) ?? 'utf-8';
    const period = await periodOfFile(path, encoding, row.id, sims);
    if (!period) return false;
    await this.openPeriod(row.id, period, 'detail');
    await this.dataSource.transaction(async (manager) => {
      await lease.confirm(manager);
      await manager.query(
        `INSERT INTO usage_import_chunks (import_id, chunk_no, byte_from, byte_to, first_row)
         SELECT $1, u.* FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::int[]) u`,
        [
          row.id,
          cut.chunks.map((c) => c.chunkNo),
          cut.chunks.map((c) => c.from),
          cut.chunks.map((c) => c.to),
          cut.chunks.map((c) => c.firstRow),
        ],
      );
      await manager.update(UsageImportEntity, row.id, { rowsTotal: cut.rows });
    });
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

  private async chunkCount(importId: number): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int n FROM usage_import_chunks WHERE import_id = $1`,
      [importId],
    );
    return n;
  }

  /**
   * What a running chunked import still needs: the chunks not loaded (their jobs to be made sure of) and
   * whether all are loaded (its finish to be made sure of). Nothing for an import that is not running.
   */
  async pendingChunks(importId: number): Promise<{ chunks: number[]; allLoaded: boolean }> {
    const rows = await this.dataSource.query<{ chunk_no: number; status: string }[]>(
      `SELECT c.chunk_no, c.status FROM usage_import_chunks c JOIN usage_imports i ON i.id = c.import_id
        WHERE c.import_id = $1 AND i.status = 'running' ORDER BY c.chunk_no`,
      [importId],
    );
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
    const row = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id: importId });
    if (!row) throw new UnrecoverableError(`no usage import ${importId}`);
    const [chunk] = await this.dataSource.query<ChunkRow[]>(
      `SELECT * FROM usage_import_chunks WHERE import_id = $1 AND chunk_no = $2`,
      [importId, chunkNo],
    );
    if (!chunk) throw new UnrecoverableError(`no chunk ${chunkNo} of usage import ${importId}`);
    if (row.status !== 'running' || chunk.status === 'succeeded')
      return { status: chunk.status, rowsDone: chunk.rows_done };
    const lease = await FileRunLease.take(this.dataSource, 'usage_import_chunks', chunk.id);
    const runner = this.dataSource.createQueryRunner();
    try {
      const [[{ attempts }]] = await this.dataSource.query<[{ attempts: number }[]]>(
        `UPDATE usage_import_chunks SET status = 'running', attempts = attempts + 1 WHERE id = $1 RETURNING attempts`,
        [chunk.id],
      );
      const since = performance.now();
      const path = join(this.config.dataDir, row.storedPath);
      const sims = await this.loadSims();
      const client = (await runner.connect()) as PoolClient;
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
      await runner.query(
        `UPDATE usage_import_chunks SET status = 'succeeded', rows_done = $2, rows_accepted = $3, rows_rejected = $4,
                totals = $5 WHERE id = $1`,
        [
          chunk.id,
          loaded.rowsDone,
          loaded.rowsAccepted,
          loaded.rowsRejected,
          JSON.stringify(
            Object.fromEntries(
              [...loaded.fileTotals].map(([simId, t]) => [simId, [t.voiceMin, t.sms, t.nationalKb, t.apnKb]]),
            ),
          ),
        ],
      );
      await runner.commitTransaction();
      await this.importProgress(importId);
      this.logger.log(
        `usage import ${importId} chunk ${chunkNo}: ${loaded.rowsAccepted} accepted, ${loaded.rowsRejected} rejected; read and store ${((performance.now() - since) / 1000).toFixed(2)} s`,
      );
      return { status: 'succeeded', rowsDone: loaded.rowsDone };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      return await this.failed(error, options.lastAttempt, (text) => this.failChunked(importId, text));
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
    const chunks = await this.dataSource.query<
      { chunk_no: number; rows_accepted: number; totals: Record<string, number[]> | null }[]
    >(
      `SELECT chunk_no, rows_accepted, totals FROM usage_import_chunks WHERE import_id = $1 ORDER BY chunk_no`,
      [importId],
    );
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

  private async chunkProgress(chunk: ChunkRow, load: UsageLoad): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_import_chunks SET rows_done = $2, rows_accepted = $3, rows_rejected = $4 WHERE id = $1`,
      [chunk.id, load.rowsDone, load.rowsAccepted, load.rowsRejected],
    );
    await this.importProgress(chunk.import_id);
  }

  /** A chunked import's progress: the sum of its chunks'. */
  private async importProgress(importId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports i SET rows_done = c.done, rows_accepted = c.accepted, rows_rejected = c.rejected
         FROM (SELECT sum(rows_done)::int done, sum(rows_accepted)::int accepted, sum(rows_rejected)::int rejected
                 FROM usage_import_chunks WHERE import_id = $1) c
        WHERE i.id = $1 AND i.status = 'running'`,
      [importId],
    );
  }

  /** A chunked import fails as a whole: what its chunks loaded never counts. */
  private async failChunked(importId: number, error: LocalizedText): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1 AND status = 'running'`,
      [importId, JSON.stringify(error), this.clock.now()],
    );
  }

  /**
   * Counts a chunked import whose chunks are all loaded: under the import's lease, in one transaction,
   * the import succeeds (its records count from here on) and the month's totals of its SIMs are
   * computed from the records that count. Does nothing while a chunk is not loaded.
   */
  async finish(importId: number): Promise<UsageImportEntity> {
    const found = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id: importId });
    if (!found) throw new UnrecoverableError(`no usage import ${importId}`);
    if (found.status !== 'running' || !(await this.pendingChunks(importId)).allLoaded) return found;
    const lease = await FileRunLease.take(this.dataSource, 'usage_imports', importId);
    const since = performance.now();
    const path = join(this.config.dataDir, found.storedPath);
    try {
      const sims = await this.loadSims();
      const { suspects, fileTotals } = await this.sieveChunks(importId, path);
      await this.dataSource.transaction(async (manager) => {
        const runner = manager.queryRunner!;
        await lease.confirm(manager);
        await manager.update(UsageImportEntity, importId, { status: 'succeeded' });
        const rowsDuplicate = await this.recomputeDetail(
          runner,
          importId,
          found.period!,
          sims,
          suspects,
          fileTotals,
        );
        const [sums] = await manager.query<{ done: number; accepted: number; rejected: number }[]>(
          `SELECT sum(rows_done)::int done, sum(rows_accepted)::int accepted, sum(rows_rejected)::int rejected
             FROM usage_import_chunks WHERE import_id = $1`,
          [importId],
        );
        await manager.update(UsageImportEntity, importId, {
          finishedAt: this.clock.now(),
          rowsTotal: sums.done,
          rowsDone: sums.done,
          rowsAccepted: sums.accepted,
          rowsRejected: sums.rejected,
          rowsDuplicate,
        });
      });
    } finally {
      await lease.release();
    }
    const chunks = await this.chunkCount(importId);
    for (let n = 0; n < chunks; n += 1) await rm(keyFileOf(path, n), { force: true });
    const done = await this.dataSource.getRepository(UsageImportEntity).findOneByOrFail({ id: importId });
    this.logger.log(
      `usage import ${importId} (chunked, ${done.period}): ${done.rowsAccepted} accepted, ${done.rowsRejected} rejected, ${done.rowsDuplicate} duplicate; totals ${((performance.now() - since) / 1000).toFixed(2)} s`,
    );
    return done;
  }

  /**
   * Counts a month's detail records again into its monthly totals, every SIM at once (as an import
   * does for the SIMs it touches): for operations, and the close benchmark. Answers how many SIMs.
   */
  async recountMonth(period: string): Promise<number> {
    const simInfo = await this.loadSims();
    const byId = new Map([...simInfo.values()].map((s) => [s.id, s]));
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`usage-period:${period}`]);
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      const totals = await this.countedTotals(runner, period, null);
      await this.writeDetailTotals(runner, null, period, totals, byId);
      return totals.length;
    });
  }

  /** Marks the import failed, if this run still holds it. */
  private async fail(lease: FileRunLease, error: LocalizedText): Promise<void> {
    await this.dataSource.query(
      `UPDATE usage_imports SET status = 'failed', error = $3, finished_at = $4 WHERE id = $1 AND lease_token = $2`,
      [lease.id, lease.token, JSON.stringify(error), this.clock.now()],
    );
  }
}
