import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BillingPeriodEntity, BillingRulesEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, In } from 'typeorm';

/**
 * What the usage views read of billing's own tables: overages of closes, closed months and rules (the
 * SIMs, their holders and the monthly totals come from inventory's and usage's readers).
 */
@Injectable()
export class UsageViewsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Months with a billing record. */
  async months(): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      'SELECT DISTINCT period FROM billing_periods',
    );
    return rows.map((r) => r.period);
  }

  /** The closed ones of the given months, with their latest close's version. */
  async closedVersions(periods: string[]): Promise<Map<string, number>> {
    const rows = await this.manager.findBy(BillingPeriodEntity, { period: In(periods), status: 'closed' });
    return new Map(rows.map((p) => [p.period, p.version]));
  }

  /** Each SIM's overage at the given close of the month. */
  closedOverages(period: string, version: number): Promise<{ sim_id: number; amount_fen: string }[]> {
    return this.dataSource.query(
      `SELECT o.sim_id, sum(o.amount_fen)::text AS amount_fen
         FROM overages o
        WHERE o.period = $1 AND o.version = $2
        GROUP BY o.sim_id`,
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
}
