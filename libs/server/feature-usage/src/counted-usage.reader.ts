import { Injectable } from '@nestjs/common';

/**
 * The records that count (domain.md §3.4), as usage defines them once: the `counted_usage_records(period,
 * sim_ids)` SQL function (migration CountedUsage1796600000000), which the monthly totals use and which
 * other features read only through this reader (ADR 0017). A month holds millions of records, so the
 * reader gives the function's call for the caller's own set-based statement (billing's attribution
 * joins it to custody's holder spans and sums per holder in the database) rather than rows.
 */
@Injectable()
export class CountedUsageReader {
  /**
   * The function's call as a FROM item: rows (sim_id, start_at, category, amount) of the month given by
   * the bind parameter `periodParam`, of the SIMs in the int[] parameter `simIdsParam` (NULL: every SIM).
   */
  sql(periodParam: string, simIdsParam = 'NULL'): string {
    return `counted_usage_records(${periodParam}, ${simIdsParam}::int[])`;
  }
}
