import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A span of a month during which an officer held the device a SIM was installed in. */
export interface HolderSpan {
  simId: number;
  officerId: number;
  /** The span, clipped to the month: [from, to). */
  from: Date;
  to: Date;
  /** When the officer's assignment began (the holder's "since", possibly before the month). */
  assignedAt: Date;
}

/**
 * Who held each SIM in a month, read from custody's tables (sim_installations × assignments), which
 * custody owns (ADR 0017). Two ways in, one definition (the `holder_spans(period)` SQL function of
 * migration HolderSpans1796800000000):
 * - `spans` answers the rows, for a few SIMs (the days-held basis of a SIM without detail records);
 * - `sql` names the function for a set-based statement of another feature, which joins a month's
 *   millions of records to their holders in the database (a hash join on sim_id, then a containment
 *   test), rather than carrying them through JavaScript.
 */
@Injectable()
export class HolderSpansReader {
  /**
   * The function's call as a FROM item: rows (sim_id, officer_id, span tstzrange, assigned_at) of the
   * month given by the bind parameter `periodParam` (e.g. `$1`). A moment in no span of its SIM is
   * nobody's.
   */
  sql(periodParam: string): string {
    return `holder_spans(${periodParam})`;
  }

  /** The month's spans of the given SIMs, by SIM and start. */
  async spans(manager: EntityManager, period: string, simIds: readonly number[]): Promise<HolderSpan[]> {
    if (!simIds.length) return [];
    const rows: { sim_id: number; officer_id: number; lo: Date; hi: Date; assigned_at: Date }[] =
      await manager.query(
        `SELECT h.sim_id, h.officer_id, lower(h.span) lo, upper(h.span) hi, h.assigned_at
           FROM ${this.sql('$1')} h
          WHERE h.sim_id = ANY($2)
          ORDER BY h.sim_id, lower(h.span)`,
        [period, simIds],
      );
    return rows.map((r) => ({
      simId: r.sim_id,
      officerId: r.officer_id,
      from: new Date(r.lo),
      to: new Date(r.hi),
      assignedAt: new Date(r.assigned_at),
    }));
  }
}
