import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface StatusCount {
  status: string;
  count: number;
}

export interface EndingCount {
  days: number;
  warranty: number;
  lease: number;
}

/** The dashboard's aggregates over devices and SIM cards, each one SQL statement whatever the fleet's size. */
@Injectable()
export class FleetSummaryReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  devicesByStatus(): Promise<StatusCount[]> {
    return this.dataSource.query<StatusCount[]>(
      'SELECT status, count(*)::int AS count FROM devices GROUP BY status ORDER BY status',
    );
  }

  simsByStatus(): Promise<StatusCount[]> {
    return this.dataSource.query<StatusCount[]>(
      'SELECT status, count(*)::int AS count FROM sim_cards GROUP BY status ORDER BY status',
    );
  }

  /**
   * Devices (not retired) whose warranty or lease ends within each horizon, as of `asOf`; a horizon
   * with no such device has no row. One pass over the devices picks those ending within the longest
   * horizon; they are counted per horizon.
   */
  endingWithin(asOf: string, horizons: readonly number[]): Promise<EndingCount[]> {
    return this.dataSource.query<EndingCount[]>(
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
