import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LIABLE_PARTY_LABELS,
  REPAIR_CAUSE_LABELS,
  type LiableParty,
  type RepairCause,
} from '@fleet/domain/repairs';
import type { RepairSummaryGroup, RepairSummaryRowDto, RepeatedFaultDto } from '@fleet/shared/contracts';
import { ApiException, type Lang } from '@fleet/server/platform';
import type { DataSource } from 'typeorm';

/** The month a ticket was reported in, China time. */
const MONTH = `to_char((t.reported_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

const KEYS: Record<RepairSummaryGroup, string> = {
  cause: `coalesce(t.cause, 'none')`,
  payer: `coalesce(t.liability, 'none')`,
  unit: `coalesce(u.id::text, 'none')`,
  month: MONTH,
};

const NONE: Record<RepairSummaryGroup, { zh: string; en: string }> = {
  cause: { zh: '未诊断', en: 'not diagnosed' },
  payer: { zh: '未认定', en: 'not decided' },
  unit: { zh: '无持有人', en: 'no holder' },
  month: { zh: '—', en: '—' },
};

/**
 * Repair figures for the bureau: counts and costs by cause, payer, the holder's unit or the month
 * reported (cancelled tickets are no repairs), and devices that keep coming back.
 */
@Injectable()
export class RepairReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(
    groupBy: RepairSummaryGroup,
    from: string | undefined,
    to: string | undefined,
    lang: Lang,
  ): Promise<RepairSummaryRowDto[]> {
    if (from && to && from > to) {
      throw ApiException.badRequest([
        { field: 'to', reason: { zh: '结束月份不能早于开始月份', en: 'to must not be before from' } },
      ]);
    }
    const rows: {
      key: string;
      unit_name: string | null;
      tickets: number;
      cost_fen: string;
      officer_fen: string;
      bureau_fen: string;
    }[] = await this.dataSource.query(
      `SELECT ${KEYS[groupBy]} AS key, min(u.name) AS unit_name, count(*)::int AS tickets,
              coalesce(sum(t.cost_fen), 0)::bigint AS cost_fen,
              coalesce(sum(t.cost_fen) FILTER (WHERE t.liability = 'officer'), 0)::bigint AS officer_fen,
              coalesce(sum(t.cost_fen) FILTER (WHERE t.liability = 'bureau'), 0)::bigint AS bureau_fen
         FROM repair_tickets t
         LEFT JOIN officers o ON o.id = t.holder_officer_id
         LEFT JOIN units u ON u.id = o.unit_id
        WHERE t.status <> 'cancelled'
          AND ($1::text IS NULL OR ${MONTH} >= $1)
          AND ($2::text IS NULL OR ${MONTH} <= $2)
        GROUP BY 1
        ORDER BY 1`,
      [from ?? null, to ?? null],
    );
    return rows.map((r) => ({
      key: r.key,
      label: this.label(groupBy, r.key, r.unit_name, lang),
      tickets: r.tickets,
      costFen: Number(r.cost_fen),
      officerFen: Number(r.officer_fen),
      bureauFen: Number(r.bureau_fen),
    }));
  }

  /** Devices with at least `minTickets` tickets reported in the last `months` months, most first. */
  async repeated(minTickets: number, months: number, now: Date): Promise<RepeatedFaultDto[]> {
    const rows: {
      device_id: number;
      imei1: string;
      tickets: number;
      last: Date;
      causes: RepairCause[] | null;
    }[] = await this.dataSource.query(
      `SELECT t.device_id, d.imei1, count(*)::int AS tickets, max(t.reported_at) AS last,
              array_remove(array_agg(DISTINCT t.cause), NULL) AS causes
         FROM repair_tickets t
         JOIN devices d ON d.id = t.device_id
        WHERE t.status <> 'cancelled' AND t.reported_at >= $1::timestamptz - make_interval(months => $2)
        GROUP BY t.device_id, d.imei1
       HAVING count(*) >= $3
        ORDER BY tickets DESC, last DESC, t.device_id`,
      [now, months, minTickets],
    );
    return rows.map((r) => ({
      deviceId: r.device_id,
      imei: r.imei1,
      tickets: r.tickets,
      lastReportedAt: new Date(r.last).toISOString(),
      causes: r.causes ?? [],
    }));
  }

  private label(groupBy: RepairSummaryGroup, key: string, unitName: string | null, lang: Lang): string {
    if (key === 'none') return NONE[groupBy][lang];
    switch (groupBy) {
      case 'cause':
        return REPAIR_CAUSE_LABELS[key as RepairCause]?.[lang] ?? key;
      case 'payer':
        return LIABLE_PARTY_LABELS[key as LiableParty]?.[lang] ?? key;
      case 'unit':
        return unitName ?? key;
      case 'month':
        return key;
    }
  }
}
