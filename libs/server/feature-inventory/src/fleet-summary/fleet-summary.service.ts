import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDateOf, DEFAULT_ALERT_DAYS } from '@fleet/domain/inventory';
import type { FleetSummaryDto } from '@fleet/shared/contracts';
import type { DataSource } from 'typeorm';

const count = (rows: { status: string; count: number }[]) =>
  rows.map(({ status, count }) => ({ status, count: Number(count) }));

/** The fleet at a glance for the dashboard: aggregated in SQL, three queries whatever the fleet's size. */
@Injectable()
export class FleetSummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(now: Date): Promise<FleetSummaryDto> {
    const asOf = chinaDateOf(now);
    const horizons = [...DEFAULT_ALERT_DAYS].sort((a, b) => a - b);
    const devices: { status: string; count: number }[] = await this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM devices GROUP BY status ORDER BY status',
    );
    const sims: { status: string; count: number }[] = await this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM sim_cards GROUP BY status ORDER BY status',
    );
    // The same horizons as the alerts (90, 30, 7 days); a retired device needs no action, as there.
    const ending: { days: number; warranty: number; lease: number }[] = await this.dataSource.query(
      `SELECT h.days,
              count(*) FILTER (WHERE d.warranty_end_on >= $1::date
                                 AND d.warranty_end_on <= $1::date + h.days)::int AS warranty,
              count(*) FILTER (WHERE d.ownership = 'leased' AND d.lease_end_on >= $1::date
                                 AND d.lease_end_on <= $1::date + h.days)::int AS lease
         FROM unnest($2::int[]) AS h(days)
         LEFT JOIN devices d
           ON d.status <> 'retired'
          AND ((d.warranty_end_on >= $1::date AND d.warranty_end_on <= $1::date + h.days)
               OR (d.lease_end_on >= $1::date AND d.lease_end_on <= $1::date + h.days))
        GROUP BY h.days
        ORDER BY h.days`,
      [asOf, horizons],
    );
    return {
      asOf,
      devices: count(devices),
      sims: count(sims),
      endingWithin: ending.map((e) => ({ days: e.days, warranty: e.warranty, lease: e.lease })),
    };
  }
}
