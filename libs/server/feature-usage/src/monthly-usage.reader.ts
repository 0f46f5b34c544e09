import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A month's totals summed over some SIMs, as text (bigint sums). */
export interface MonthlyUsageSum {
  period: string;
  voice_min: string;
  sms: string;
  national_kb: string;
  apn_kb: string;
}

/**
 * Usage's monthly totals (`monthly_usage`) as other features read them (billing's usage views). Each
 * read takes the caller's transaction's manager when it has one.
 */
@Injectable()
export class MonthlyUsageReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private of(manager: EntityManager | undefined): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Months with totals, newest first. A loose index scan over monthly_usage(period): one index probe
   * per month, not a pass over every SIM's rows.
   */
  async months(manager?: EntityManager): Promise<string[]> {
    const rows: { period: string }[] = await this.of(manager).query(
      `WITH RECURSIVE m(period) AS (
         (SELECT period FROM monthly_usage ORDER BY period DESC LIMIT 1)
         UNION ALL
         SELECT (SELECT mu.period FROM monthly_usage mu WHERE mu.period < m.period
                  ORDER BY mu.period DESC LIMIT 1)
           FROM m WHERE m.period IS NOT NULL
       )
       SELECT period FROM m WHERE period IS NOT NULL`,
    );
    return rows.map((r) => r.period);
  }

  /** The given months that have totals. */
  async withUsage(periods: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { period: string }[] = await this.of(manager).query(
      'SELECT DISTINCT period FROM monthly_usage WHERE period = ANY($1)',
      [periods],
    );
    return rows.map((r) => r.period);
  }

  /** Totals per month of the given months, summed over the given SIMs (months without any left out). */
  sums(simIds: number[], periods: string[], manager?: EntityManager): Promise<MonthlyUsageSum[]> {
    if (!simIds.length || !periods.length) return Promise.resolve([]);
    return this.of(manager).query(
      `SELECT period, sum(voice_min)::text AS voice_min, sum(sms)::text AS sms,
              sum(national_kb)::text AS national_kb, sum(apn_kb)::text AS apn_kb
         FROM monthly_usage
        WHERE sim_id = ANY($1::int[]) AND period = ANY($2)
        GROUP BY period`,
      [simIds, periods],
    );
  }
}
