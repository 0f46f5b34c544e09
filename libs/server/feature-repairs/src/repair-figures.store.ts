import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RepairCause, RepairStatus } from '@fleet/domain/repairs';
import type { DataSource } from 'typeorm';

/** The month a ticket was reported in, China time. */
const MONTH = `to_char((t.reported_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** What tickets are summed by: their cause, payer, holder (the service maps holders to units) or month. */
export type RepairFigureKey = 'cause' | 'payer' | 'holder' | 'month';

const KEYS: Record<RepairFigureKey, string> = {
  cause: `coalesce(t.cause, 'none')`,
  payer: `coalesce(t.liability, 'none')`,
  holder: `coalesce(t.holder_officer_id::text, 'none')`,
  month: MONTH,
};

export interface RepairFigureRow {
  key: string;
  tickets: number;
  costFen: number;
  officerFen: number;
  bureauFen: number;
}

export interface RepeatedFaultRow {
  deviceId: number;
  tickets: number;
  last: Date;
  causes: RepairCause[];
}

/** The repair tickets' figures, one query each: the only code of the reports that touches the database. */
@Injectable()
export class RepairFiguresStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts and costs by the key, months from and to (China time) when given; cancelled tickets are no repairs. */
  async summary(
    key: RepairFigureKey,
    from: string | undefined,
    to: string | undefined,
  ): Promise<RepairFigureRow[]> {
    const rows: {
      key: string;
      tickets: number;
      cost_fen: string;
      officer_fen: string;
      bureau_fen: string;
    }[] = await this.dataSource.query(
      `SELECT ${KEYS[key]} AS key, count(*)::int AS tickets,
              coalesce(sum(t.cost_fen), 0)::bigint AS cost_fen,
              coalesce(sum(t.cost_fen) FILTER (WHERE t.liability = 'officer'), 0)::bigint AS officer_fen,
              coalesce(sum(t.cost_fen) FILTER (WHERE t.liability = 'bureau'), 0)::bigint AS bureau_fen
         FROM repair_tickets t
        WHERE t.status <> 'cancelled'
          AND ($1::text IS NULL OR ${MONTH} >= $1)
          AND ($2::text IS NULL OR ${MONTH} <= $2)
        GROUP BY 1
        ORDER BY 1`,
      [from ?? null, to ?? null],
    );
    return rows.map((r) => ({
      key: r.key,
      tickets: r.tickets,
      costFen: Number(r.cost_fen),
      officerFen: Number(r.officer_fen),
      bureauFen: Number(r.bureau_fen),
    }));
  }

  /** Devices with at least `minTickets` tickets reported in the `months` months up to now, most first. */
  async repeated(minTickets: number, months: number, now: Date): Promise<RepeatedFaultRow[]> {
    const rows: { device_id: number; tickets: number; last: Date; causes: RepairCause[] | null }[] =
      await this.dataSource.query(
        `SELECT t.device_id, count(*)::int AS tickets, max(t.reported_at) AS last,
                array_remove(array_agg(DISTINCT t.cause), NULL) AS causes
           FROM repair_tickets t
          WHERE t.status <> 'cancelled' AND t.reported_at >= $1::timestamptz - make_interval(months => $2)
          GROUP BY t.device_id
         HAVING count(*) >= $3
          ORDER BY tickets DESC, last DESC, t.device_id`,
        [now, months, minTickets],
      );
    return rows.map((r) => ({
      deviceId: r.device_id,
      tickets: r.tickets,
      last: new Date(r.last),
      causes: r.causes ?? [],
    }));
  }

  /** Open tickets by age bucket: width_bucket of the days since reported (China dates) over the bounds. */
  openByAge(
    asOf: string,
    open: readonly RepairStatus[],
    bounds: readonly number[],
  ): Promise<{ bucket: number; count: number }[]> {
    return this.dataSource.query(
      `SELECT width_bucket($1::date - (reported_at AT TIME ZONE 'Asia/Shanghai')::date, $3::int[]) AS bucket,
              count(*)::int AS count
         FROM repair_tickets
        WHERE status = ANY($2)
        GROUP BY 1`,
      [asOf, open, bounds],
    );
  }

  /** Open tickets by status. */
  openByStatus(open: readonly RepairStatus[]): Promise<{ status: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM repair_tickets WHERE status = ANY($1) GROUP BY status`,
      [open],
    );
  }
}
