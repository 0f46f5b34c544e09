import { Injectable } from '@nestjs/common';
import { chinaDateOf, DEFAULT_ALERT_DAYS } from '@fleet/domain/inventory';
import type { FleetSummaryDto } from '@fleet/shared/contracts';
import { FleetSummaryReader, type StatusCount } from './fleet-summary.reader';

const count = (rows: StatusCount[]) => rows.map(({ status, count }) => ({ status, count: Number(count) }));

/** The fleet at a glance for the dashboard: aggregated in SQL, three queries whatever the fleet's size. */
@Injectable()
export class FleetSummaryService {
  constructor(private readonly reader: FleetSummaryReader) {}

  async summary(now: Date): Promise<FleetSummaryDto> {
    const asOf = chinaDateOf(now);
    // The same horizons as the alerts (90, 30, 7 days); a retired device needs no action, as there.
    const horizons = [...DEFAULT_ALERT_DAYS].sort((a, b) => a - b);
    // Three independent reads, each on a pooled connection of its own: the answer waits for the slowest.
    const [devices, sims, ending] = await Promise.all([
      this.reader.devicesByStatus(),
      this.reader.simsByStatus(),
      this.reader.endingWithin(asOf, horizons),
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
}
