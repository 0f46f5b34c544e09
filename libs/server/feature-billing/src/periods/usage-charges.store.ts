import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HolderSpansReader, type HolderSpan } from '@fleet/server/feature-inventory';
import { CountedUsageReader } from '@fleet/server/feature-usage';
import { BillingRulesEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** A SIM's month as stored: its totals (monthly_usage, if any), its activation and its plan's allowance. */
export type SimMonthRow = Record<string, unknown>;

/** One SIM's usage in the month per category and holder (null: nobody), ordered by `since`. */
export interface SimUsageBases {
  simId: number;
  categories: string[];
  officers: (number | null)[];
  weights: string[];
  sinces: Date[];
}

const SIM_MONTH_COLUMNS = `s.id AS sim_id, s.msisdn, mu.id AS usage_id, mu.voice_min, mu.sms, mu.national_kb,
  mu.apn_kb, mu.carrier_overage_fen, mu.outside_plan, s.activated_on::text AS activated_on, p.term_months,
  p.voice_min AS a_voice, p.sms AS a_sms, p.national_kb AS a_national, p.apn_kb AS a_apn`;

/**
 * What billing reads to charge a month: its rules, the monthly totals against the plans' allowances, and
 * the attribution of the month's counted records to their holders, in one statement over usage's
 * counted records (CountedUsageReader) and custody's holder spans (HolderSpansReader) (ADR 0017).
 */
@Injectable()
export class UsageChargesStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly counted: CountedUsageReader,
    private readonly holders: HolderSpansReader,
  ) {}

  rules(manager: EntityManager): Promise<BillingRulesEntity[]> {
    return manager.find(BillingRulesEntity);
  }

  /** The SIMs with a monthly total in the month, by SIM. */
  usage(manager: EntityManager, period: string): Promise<SimMonthRow[]> {
    return manager.query(
      `SELECT ${SIM_MONTH_COLUMNS}
         FROM monthly_usage mu
         JOIN sim_cards s ON s.id = mu.sim_id
         LEFT JOIN plans p ON p.id = s.plan_id
        WHERE mu.period = $1
        ORDER BY mu.sim_id`,
      [period],
    );
  }

  /** Every SIM (or the given ones), with or without a monthly total, by SIM. */
  simMonths(manager: EntityManager, period: string, simIds?: readonly number[]): Promise<SimMonthRow[]> {
    return manager.query(
      `SELECT ${SIM_MONTH_COLUMNS}
         FROM sim_cards s
         LEFT JOIN monthly_usage mu ON mu.sim_id = s.id AND mu.period = $1
         LEFT JOIN plans p ON p.id = s.plan_id
        WHERE $2::int[] IS NULL OR s.id = ANY($2)
        ORDER BY s.id`,
      [period, simIds ?? null],
    );
  }

  /**
   * Each holder's usage per SIM and category (§3.5): the month's counted records (sorted once, by
   * usage's definition), each joined to the holder span of its SIM containing its start (a hash join on
   * sim_id: about two spans a SIM), summed per (SIM, holder, category) in the database; one row a SIM,
   * its bases in arrays ordered by when each holder's custody began. Records in no span are nobody's.
   */
  async usageBases(manager: EntityManager, period: string): Promise<SimUsageBases[]> {
    const rows: {
      sim_id: number;
      categories: string[];
      officers: (number | null)[];
      weights: string[];
      sinces: Date[];
    }[] = await manager.query(
      `SELECT b.sim_id,
              array_agg(b.category ORDER BY b.since, b.officer_id) categories,
              array_agg(b.officer_id ORDER BY b.since, b.officer_id) officers,
              array_agg(b.weight ORDER BY b.since, b.officer_id) weights,
              array_agg(b.since ORDER BY b.since, b.officer_id) sinces
         FROM (SELECT c.sim_id, h.officer_id, c.category, sum(c.amount) weight,
                      min(coalesce(h.assigned_at, c.start_at)) since
                 FROM ${this.counted.sql('$1')} c
                 LEFT JOIN ${this.holders.sql('$1')} h ON h.sim_id = c.sim_id AND h.span @> c.start_at
                GROUP BY c.sim_id, h.officer_id, c.category) b
        GROUP BY b.sim_id`,
      [period],
    );
    return rows.map((r) => ({
      simId: r.sim_id,
      categories: r.categories,
      officers: r.officers,
      weights: r.weights,
      sinces: r.sinces,
    }));
  }

  /** The spans in the month when an officer held the device each SIM was in. */
  holderSpans(manager: EntityManager, period: string, simIds: readonly number[]): Promise<HolderSpan[]> {
    return this.holders.spans(manager, period, simIds);
  }
}
