import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SummaryRow, UsageKind, UsageTotals } from '@fleet/domain/billing';
import { simPlanCoversMonth } from '@fleet/domain/inventory';
import type { DataSource, QueryRunner } from 'typeorm';
import type { SimInfo } from './usage-load';

/** The partition of a billing month (the name is built from a validated YYYY-MM). */
export function partitionOf(period: string): string {
  if (!/^\d{4}-\d{2}$/.test(period)) throw new RangeError(`not a period: ${period}`);
  return `usage_records_${period.replace('-', '_')}`;
}

/**
 * The monthly totals (monthly_usage) as usage imports write them: a summary's rows as they are, a
 * detail import's SIMs counted from the records that count. Each method runs in the caller's
 * transaction (its QueryRunner), which the import commits with its records.
 */
@Injectable()
export class UsageTotalsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private outsidePlan(
    sim: { activatedOn: string | null; termMonths: number | null },
    period: string,
  ): boolean {
    return !simPlanCoversMonth(sim, period);
  }

  /** A summary's rows are the month's totals (source 'summary'), replacing whatever was there. */
  async upsertSummary(
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
  async recomputeDetail(
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
   * Counts a month's detail records again into its monthly totals, every SIM at once (as an import
   * does for the SIMs it touches): for operations, and the close benchmark. Answers how many SIMs.
   */
  recountMonth(period: string, sims: Map<string, SimInfo>): Promise<number> {
    const byId = new Map([...sims.values()].map((s) => [s.id, s]));
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`usage-period:${period}`]);
      await runner.query(`SET LOCAL work_mem = '64MB'`);
      const totals = await this.countedTotals(runner, period, null);
      await this.writeDetailTotals(runner, null, period, totals, byId);
      return totals.length;
    });
  }
}
