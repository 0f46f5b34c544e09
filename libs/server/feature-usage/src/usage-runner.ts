import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DetailRow,
  EMPTY_USAGE_FILE,
  ICCID_MISMATCH,
  notAUsageFileMessage,
  OUTSIDE_PERIOD,
  parseDetailRow,
  parseSummaryRow,
  type SummaryRow,
  UNKNOWN_MSISDN,
  usageColumns,
  usageFieldLabel,
  type UsageKind,
} from '@fleet/domain/billing';
import { planCoversMonth, type RowProblem } from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import {
  isBlank,
  RosterFileError,
  type RosterEncoding,
  type RosterFormat,
} from '@fleet/server/feature-imports';
import { UsageImportEntity, UsageImportRejectionEntity } from '@fleet/server/persistence';
import type { LocalizedText } from '@fleet/server/platform';
import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { countLineBreaks, usageLines } from './usage-file-reader';

/** Rows per batch: one COPY, one progress update. */
export const USAGE_BATCH_ROWS = 10_000;

interface SimInfo {
  id: number;
  iccid: string;
  activatedOn: string | null;
  termMonths: number | null;
}

interface Rejection {
  rowNo: number;
  problems: RowProblem[];
  raw: Record<string, string>;
}

interface Batch {
  /** COPY text of the accepted detail records. */
  copy: string[];
  summary: Map<number, SummaryRow>;
  rejections: Rejection[];
  rowsDone: number;
  rowsAccepted: number;
  rowsRejected: number;
}

const RECORD_TYPE = { voice: 'V', sms: 'S', data: 'D' } as const;
const DIRECTION = { out: 'O', in: 'I' } as const;

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

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
  ) {}

  async run(importId: number, options: { lastAttempt: boolean }): Promise<UsageImportEntity> {
    const found = await this.dataSource.getRepository(UsageImportEntity).findOneBy({ id: importId });
    if (!found) throw new UnrecoverableError(`no usage import ${importId}`);
    if (found.status === 'succeeded' || found.status === 'failed') return found;
    try {
      return await this.process(found);
    } catch (error) {
      if (error instanceof RosterFileError) {
        await this.fail(importId, error.text);
        throw new UnrecoverableError(error.text.en);
      }
      if (options.lastAttempt) await this.fail(importId, SYSTEM_ERROR);
      throw error;
    }
  }

  private async process(row: UsageImportEntity): Promise<UsageImportEntity> {
    const id = row.id;
    const path = join(this.config.dataDir, row.storedPath);
    const rowsEstimate = row.format === 'csv' ? Math.max(0, (await countLineBreaks(path)) - 1) : 0;
    // A retry starts over. An interrupted attempt's transaction normally rolled back; this removes
    // anything that was committed all the same, so nothing counts twice.
    await this.dataSource.transaction(async (manager) => {
      if (row.period) await manager.query(`DELETE FROM usage_records WHERE import_id = $1`, [id]);
      await manager.delete(UsageImportRejectionEntity, { importId: id });
      await manager.update(UsageImportEntity, id, {
        status: 'running',
        startedAt: new Date(),
        finishedAt: null,
        rowsTotal: rowsEstimate,
        rowsDone: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        rowsDuplicate: 0,
        error: null,
      });
    });
    const sims = await this.loadSims();

    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const loaded = await this.load(row, path, sims, runner, client);
      const rowsDuplicate =
        row.kind === 'detail' && loaded.period
          ? await this.recomputeDetail(runner, id, loaded.period, sims)
          : 0;
      await runner.manager.update(UsageImportEntity, id, {
        status: 'succeeded',
        finishedAt: new Date(),
        rowsTotal: loaded.rowsDone,
        rowsDone: loaded.rowsDone,
        rowsAccepted: loaded.rowsAccepted,
        rowsRejected: loaded.rowsRejected,
        rowsDuplicate,
      });
      // Where a closed month would be re-billed: the billing engineer's close reads monthly_usage, so a
      // hook enqueuing the amended close for `loaded.period` belongs right here, after the commit.
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    const done = await this.dataSource.getRepository(UsageImportEntity).findOneByOrFail({ id });
    this.logger.log(
      `usage import ${id} (${done.kind} ${done.period}): ${done.rowsAccepted} accepted, ${done.rowsRejected} rejected, ${done.rowsDuplicate} duplicate`,
    );
    return done;
  }

  /** msisdn → SIM; a number reused after termination belongs to the live SIM. */
  private async loadSims(): Promise<Map<string, SimInfo>> {
    const rows: {
      id: number;
      msisdn: string;
      iccid: string;
      activated_on: string | null;
      term_months: number | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.msisdn, s.iccid, s.activated_on::text, p.term_months
           FROM sim_cards s LEFT JOIN plans p ON p.id = s.plan_id
          ORDER BY (s.status <> 'terminated'), s.id`,
    );
    return new Map(
      rows.map((r) => [
        r.msisdn,
        { id: r.id, iccid: r.iccid, activatedOn: r.activated_on, termMonths: r.term_months },
      ]),
    );
  }

  /** Reads the file row by row and writes each batch; answers the counts and the file's period. */
  private async load(
    row: UsageImportEntity,
    path: string,
    sims: Map<string, SimInfo>,
    runner: QueryRunner,
    client: PoolClient,
  ) {
    const kind: UsageKind = row.kind;
    let columns: Record<string, number> | null = null;
    let header: string[] = [];
    let period: string | null = null;
    const totals = { rowsDone: 0, rowsAccepted: 0, rowsRejected: 0 };
    const fresh = (): Batch => ({
      copy: [],
      summary: new Map(),
      rejections: [],
      rowsDone: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
    });
    let batch = fresh();
    // One batch is written while the next is read, so parsing and the database work at the same time;
    // never more than one in flight, so memory stays bounded.
    let inflight: Promise<void> | null = null;
    const flush = async () => {
      const current = batch;
      batch = fresh();
      if (inflight) await inflight;
      totals.rowsDone += current.rowsDone;
      totals.rowsAccepted += current.rowsAccepted;
      totals.rowsRejected += current.rowsRejected;
      const progress = { ...totals };
      inflight = this.writeBatch(row, period, header, current, runner, client, progress);
      inflight.catch(() => undefined);
    };
    const drain = () => inflight ?? Promise.resolve();

    const lines = usageLines(path, row.format as RosterFormat, row.encoding as RosterEncoding | null);
    for await (const run of lines)
      for (const line of run) {
        if (isBlank(line.cells)) continue;
        if (!columns) {
          const match = usageColumns(kind, line.cells);
          if (match.missing.length) throw new RosterFileError(notAUsageFileMessage(kind, match.missing));
          columns = match.columns;
          header = line.cells.map((h, i) => h.trim() || `#${i + 1}`);
          continue;
        }
        const cells: Record<string, string> = {};
        for (const key in columns) cells[key] = line.cells[columns[key]] ?? '';
        batch.rowsDone += 1;

        const problems: RowProblem[] = [];
        let accepted: { sim: SimInfo; rowPeriod: string; value: DetailRow | SummaryRow } | null = null;
        const parsed = kind === 'detail' ? parseDetailRow(cells) : parseSummaryRow(cells);
        if (!parsed.ok) problems.push(...parsed.problems);
        else {
          const sim = sims.get(parsed.value.msisdn);
          if (!sim) problems.push({ field: 'msisdn', reason: UNKNOWN_MSISDN });
          else if ('iccid' in parsed.value && parsed.value.iccid && parsed.value.iccid !== sim.iccid)
            problems.push({ field: 'iccid', reason: ICCID_MISMATCH });
          else accepted = { sim, rowPeriod: parsed.value.period, value: parsed.value };
        }
        if (accepted) {
          if (!period) {
            period = accepted.rowPeriod;
            await this.openPeriod(row.id, period, kind);
          } else if (accepted.rowPeriod !== period) {
            problems.push({
              field: kind === 'detail' ? 'startTime' : 'period',
              reason: OUTSIDE_PERIOD(period),
            });
            accepted = null;
          }
        }
        if (accepted && kind === 'detail') {
          const r = accepted.value as DetailRow;
          batch.copy.push(
            `${row.id}\t${line.rowNo}\t${accepted.sim.id}\t${period}\t${RECORD_TYPE[r.type]}\t${r.at.toISOString()}\t${
              r.direction ? DIRECTION[r.direction] : '\\N'
            }\t${copyText(r.counterpart)}\t${r.durationS ?? '\\N'}\t${r.volumeKb ?? '\\N'}\t${copyText(r.apn)}\n`,
          );
          batch.rowsAccepted += 1;
        } else if (accepted) {
          batch.summary.set(accepted.sim.id, accepted.value as SummaryRow);
          batch.rowsAccepted += 1;
        } else {
          batch.rowsRejected += 1;
          batch.rejections.push({
            rowNo: line.rowNo,
            problems,
            raw: Object.fromEntries(header.map((h, i) => [h, line.cells[i] ?? ''])),
          });
        }
        if (batch.rowsDone >= this.batchRows) await flush();
      }
    if (!columns) throw new RosterFileError(notAUsageFileMessage(null, []));
    if (!totals.rowsDone && !batch.rowsDone) throw new RosterFileError(EMPTY_USAGE_FILE);
    await flush();
    await drain();
    return { ...totals, period };
  }

  /** Creates the month's partition (outside the import's transaction: DDL locks the parent) and records the period. */
  private async openPeriod(importId: number, period: string, kind: UsageKind): Promise<void> {
    if (kind === 'detail') {
      const name = partitionOf(period);
      try {
        await this.dataSource.query(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF usage_records FOR VALUES IN ('${period}')`,
        );
      } catch (error) {
        // Two imports of a new month at once: the other one created it.
        if ((error as { code?: string }).code !== '42P07') throw error;
      }
    }
    await this.dataSource.getRepository(UsageImportEntity).update(importId, { period });
  }

  private async writeBatch(
    row: UsageImportEntity,
    period: string | null,
    header: string[],
    batch: Batch,
    runner: QueryRunner,
    client: PoolClient,
    progress: { rowsDone: number; rowsAccepted: number; rowsRejected: number },
  ): Promise<void> {
    if (batch.copy.length && period) {
      const copy = client.query(
        copyFrom(
          `COPY ${partitionOf(period)} (import_id, row_no, sim_id, period, record_type, start_at, direction, counterpart, duration_s, volume_kb, apn) FROM STDIN`,
        ),
      );
      await pipeline(Readable.from([batch.copy.join('')]), copy);
    }
    if (batch.summary.size && period) await this.upsertSummary(runner, row.id, period, batch.summary);
    if (batch.rejections.length) {
      const kind = row.kind;
      const headerOf = (field: string): string => {
        const labels = usageColumns(kind, header).columns;
        return field in labels ? header[labels[field]] : usageFieldLabel(kind, field);
      };
      await runner.manager.insert(
        UsageImportRejectionEntity,
        batch.rejections.flatMap((r) =>
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
    await this.dataSource.query(
      `UPDATE usage_imports SET rows_done = $2, rows_accepted = $3, rows_rejected = $4 WHERE id = $1`,
      [row.id, progress.rowsDone, progress.rowsAccepted, progress.rowsRejected],
    );
  }

  private outsidePlan(
    sim: { activatedOn: string | null; termMonths: number | null },
    period: string,
  ): boolean {
    // A SIM never activated has no plan month at all.
    if (!sim.activatedOn) return true;
    return !planCoversMonth(sim.activatedOn, period, sim.termMonths ?? undefined);
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
    importId: number,
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
   */
  private async recomputeDetail(
    runner: QueryRunner,
    importId: number,
    period: string,
    sims: Map<string, SimInfo>,
  ): Promise<number> {
    const part = partitionOf(period);
    // Imports of the same month recompute one after the other, each seeing the other's committed records.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`usage-period:${period}`]);
    const [{ n: duplicates }] = (await runner.query(
      `SELECT count(*)::int n FROM ${part} r WHERE r.import_id = $1 AND EXISTS (
         SELECT 1 FROM ${part} o WHERE o.import_id < $1 AND o.sim_id = r.sim_id AND o.record_type = r.record_type
           AND o.start_at = r.start_at AND coalesce(o.direction, '') = coalesce(r.direction, '')
           AND coalesce(o.counterpart, '') = coalesce(r.counterpart, ''))`,
      [importId],
    )) as { n: number }[];
    const totals = (await runner.query(
      `WITH latest AS (
           SELECT DISTINCT ON (r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart)
                  r.sim_id, r.record_type, r.direction, r.duration_s, r.volume_kb, r.apn
             FROM ${part} r
            WHERE r.sim_id IN (SELECT DISTINCT sim_id FROM ${part} WHERE import_id = $1)
            ORDER BY r.sim_id, r.record_type, r.start_at, r.direction, r.counterpart, r.import_id DESC, r.row_no DESC
         )
         SELECT l.sim_id,
                coalesce(sum(ceil(l.duration_s / 60.0)) FILTER (WHERE l.record_type = 'V' AND l.direction = 'O'), 0)::int voice_min,
                count(*) FILTER (WHERE l.record_type = 'S' AND l.direction = 'O')::int sms,
                coalesce(sum(l.volume_kb) FILTER (WHERE l.record_type = 'D'
                  AND (a.apn IS NULL OR l.apn IS NULL OR lower(btrim(l.apn)) <> lower(btrim(a.apn)))), 0)::bigint national_kb,
                coalesce(sum(l.volume_kb) FILTER (WHERE l.record_type = 'D'
                  AND lower(btrim(l.apn)) = lower(btrim(a.apn))), 0)::bigint apn_kb
           FROM latest l JOIN sim_cards s ON s.id = l.sim_id LEFT JOIN apn_profiles a ON a.id = s.apn_profile_id
          GROUP BY l.sim_id`,
      [importId],
    )) as { sim_id: number; voice_min: number; sms: number; national_kb: string; apn_kb: string }[];
    const byId = new Map([...sims.values()].map((s) => [s.id, s]));
    await this.upsertTotals(
      runner,
      importId,
      period,
      'detail',
      totals.map((t) => t.sim_id),
      {
        voiceMin: totals.map((t) => t.voice_min),
        sms: totals.map((t) => t.sms),
        nationalKb: totals.map((t) => Number(t.national_kb)),
        apnKb: totals.map((t) => Number(t.apn_kb)),
        carrierOverageFen: totals.map(() => null),
        outsidePlan: totals.map((t) => {
          const sim = byId.get(t.sim_id);
          return sim ? this.outsidePlan(sim, period) : true;
        }),
      },
    );
    return duplicates;
  }

  private async fail(importId: number, error: LocalizedText): Promise<void> {
    await this.dataSource
      .getRepository(UsageImportEntity)
      .update(importId, { status: 'failed', error, finishedAt: new Date() });
  }
}
