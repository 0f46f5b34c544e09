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
    // Three independent reads, each on a pooled connection of its own: the answer waits for the slowest.
    const [devices, sims, ending] = await Promise.all([
      this.dataSource.query<{ status: string; count: number }[]>(
        'SELECT status, count(*)::int AS count FROM devices GROUP BY status ORDER BY status',
      ),
      this.dataSource.query<{ status: string; count: number }[]>(
        'SELECT status, count(*)::int AS count FROM sim_cards GROUP BY status ORDER BY status',
      ),
      this.ending(asOf, horizons),
    ]);
    return {
      asOf,
      devices: count(devices),
      sims: count(sims),
      // A horizon with no device ending in it has no row: zero.
      endingWithin: horizons.map((days) => {
        const row = ending.find((e) => e.days === days);
        return { days, warranty: row?.warranty ?? 0, lease: row?.lease ?? 0 };
      }),
    };
  }

  /** Devices (not retired) whose warranty or lease ends within each horizon, as alert thresholds count. */
  private ending(asOf: string, horizons: number[]) {
    // The same horizons as the alerts (90, 30, 7 days); a retired device needs no action, as there. One
    // pass over the devices picks those ending within the longest horizon; they are counted per horizon.
    return this.dataSource.query<{ days: number; warranty: number; lease: number }[]>(
      `WITH soon AS (
         SELECT warranty_end_on - $1::date AS warranty_in,
                CASE WHEN ownership = 'leased' THEN lease_end_on - $1::date END AS lease_in
           FROM devices
          WHERE status <> 'retired'
            AND (warranty_end_on BETWEEN $1::date AND $1::date + $3::int
                 OR lease_end_on BETWEEN $1::date AND $1::date + $3::int)
       )
       SELECT h.days,
              count(*) FILTER (WHERE s.warranty_in BETWEEN 0 AND h.days)::int AS warranty,
              count(*) FILTER (WHERE s.lease_in BETWEEN 0 AND h.days)::int AS lease
         FROM unnest($2::int[]) AS h(days) CROSS JOIN soon s
        GROUP BY h.days`,
      [asOf, horizons, Math.max(...horizons)],
    );
  }
}
