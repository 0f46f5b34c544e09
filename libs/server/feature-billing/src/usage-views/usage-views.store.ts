import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BillingPeriodEntity, BillingRulesEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, In } from 'typeorm';

/** A month's usage summed over an officer's SIMs, as text (bigint sums). */
export interface UsageSumRow {
  period: string;
  voice_min: string;
  sms: string;
  national_kb: string;
  apn_kb: string;
}

/** What the usage views read: monthly totals, overages of closes, months and rules. */
@Injectable()
export class UsageViewsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The SIMs in the devices the officer holds now, by device and slot. */
  heldSims(officerId: number): Promise<{ sim_id: number; device_id: number; slot: number | null }[]> {
    return this.dataSource.query(
      `SELECT s.id AS sim_id, s.device_id, s.slot
         FROM sim_cards s JOIN devices d ON d.id = s.device_id
        WHERE d.current_officer_id = $1
        ORDER BY s.device_id, s.slot, s.id`,
      [officerId],
    );
  }

  /**
   * Months with usage or a billing record, newest first. A loose index scan over monthly_usage(period):
   * one index probe per month, not a pass over every SIM's rows.
   */
  async months(): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      `WITH RECURSIVE m(period) AS (
         (SELECT period FROM monthly_usage ORDER BY period DESC LIMIT 1)
         UNION ALL
         SELECT (SELECT mu.period FROM monthly_usage mu WHERE mu.period < m.period
                  ORDER BY mu.period DESC LIMIT 1)
           FROM m WHERE m.period IS NOT NULL
       )
       SELECT period FROM m WHERE period IS NOT NULL
       UNION
       SELECT period FROM billing_periods
       ORDER BY period DESC`,
    );
    return rows.map((r) => r.period);
  }

  /** Usage per month of the given months, summed over the SIMs in the devices the officer holds now. */
  heldUsage(officerId: number, periods: string[]): Promise<UsageSumRow[]> {
    return this.dataSource.query(
      `SELECT u.period, sum(u.voice_min)::text AS voice_min, sum(u.sms)::text AS sms,
              sum(u.national_kb)::text AS national_kb, sum(u.apn_kb)::text AS apn_kb
         FROM monthly_usage u
         JOIN sim_cards s ON s.id = u.sim_id
         JOIN devices d ON d.id = s.device_id
        WHERE d.current_officer_id = $1 AND u.period = ANY($2)
        GROUP BY u.period`,
      [officerId, periods],
    );
  }

  /** The closed ones of the given months, with their latest close's version. */
  async closedVersions(periods: string[]): Promise<Map<string, number>> {
    const rows = await this.manager.findBy(BillingPeriodEntity, { period: In(periods), status: 'closed' });
    return new Map(rows.map((p) => [p.period, p.version]));
  }

  /** Each SIM's overage at the given close of the month. */
  closedOverages(
    period: string,
    version: number,
  ): Promise<{ sim_id: number; msisdn: string; amount_fen: string }[]> {
    return this.dataSource.query(
      `SELECT o.sim_id, s.msisdn, sum(o.amount_fen)::text AS amount_fen
         FROM overages o JOIN sim_cards s ON s.id = o.sim_id
        WHERE o.period = $1 AND o.version = $2
        GROUP BY o.sim_id, s.msisdn`,
      [period, version],
    );
  }

  rules(): Promise<BillingRulesEntity[]> {
    return this.manager.find(BillingRulesEntity);
  }

  /** Total overage of each of the given months at its latest close. */
  closedTotals(periods: string[]): Promise<{ period: string; fen: string }[]> {
    return this.dataSource.query(
      `SELECT o.period, sum(o.amount_fen)::text AS fen
         FROM overages o JOIN billing_periods bp ON bp.period = o.period AND bp.version = o.version
        WHERE o.period = ANY($1)
        GROUP BY o.period`,
      [periods],
    );
  }

  /** The given months that have monthly totals. */
  async withUsage(periods: string[]): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      'SELECT DISTINCT period FROM monthly_usage WHERE period = ANY($1)',
      [periods],
    );
    return rows.map((r) => r.period);
  }
}
