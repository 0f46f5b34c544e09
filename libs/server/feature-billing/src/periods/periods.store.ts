import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BillingPeriodEntity, StatementEntity, StatementLineEntity } from '@fleet/server/persistence';
import { type CategoryOverage, totalFen } from '@fleet/domain/billing';
import { findList, type ListQuery, type ListResult } from '@fleet/server/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { IssuedLine } from './repair-charges';

/** A statement to issue: its holder's lines, and the statement of theirs it supersedes (if any). */
export interface PendingStatement {
  holder: number | null;
  lines: IssuedLine[];
  previous: StatementEntity | undefined;
}

/** A closed month a later usage import made stale, and who uploaded that import. */
export interface StaleMonth {
  period: string;
  import_id: number;
  user_id: number | null;
  username: string | null;
}

/** An overage row of a close (only categories with an excess). */
export type OverageRow = CategoryOverage & { simId: number; period: string; version: number };

/** Rows written per multi-row INSERT of a close. */
const ROWS_PER_INSERT = 20_000;

/** Billing months, their overages and statements as the close reads and writes them (ADR 0011, 0017). */
@Injectable()
export class PeriodsStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(resource: string, query: ListQuery): Promise<ListResult<BillingPeriodEntity>> {
    return findList(resource, this.manager.getRepository(BillingPeriodEntity).createQueryBuilder('e'), query);
  }

  find(where: { id: number } | { period: string }): Promise<BillingPeriodEntity | null> {
    return this.manager.findOneBy(BillingPeriodEntity, where);
  }

  /** The month's row, made if missing, locked: two closes of one month run one after the other. */
  async lockForClose(manager: EntityManager, period: string): Promise<BillingPeriodEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(BillingPeriodEntity)
      .values({ period })
      .orIgnore()
      .execute();
    const row = await manager.findOne(BillingPeriodEntity, {
      where: { period },
      lock: { mode: 'pessimistic_write' },
    });
    return row!;
  }

  /**
   * The attribution sorts the month's records by key (as the import's totals do) and sums them per
   * holder in the database: memory enough to sort a good part of it in memory, not the server's; no JIT
   * (compiling the plan in each parallel process cost more than it saved: 10 M records, 18.8 s with,
   * 17.7 s without).
   */
  async allowSort(manager: EntityManager): Promise<void> {
    await manager.query(`SET LOCAL work_mem = '64MB'`);
    await manager.query(`SET LOCAL jit = off`);
  }

  /**
   * The closed months (or the one asked for, if closed) with the moment of their latest close, as
   * PostgreSQL writes it (microseconds kept, for the stale check's comparison with imports' ends).
   */
  closedMonths(period?: string): Promise<{ period: string; closed_at: string }[]> {
    return this.manager.query(
      `SELECT period, closed_at::text AS closed_at FROM billing_periods
        WHERE status = 'closed' AND ($1::text IS NULL OR period = $1)
        ORDER BY period`,
      [period ?? null],
    );
  }

  save(manager: EntityManager, row: BillingPeriodEntity): Promise<BillingPeriodEntity> {
    return manager.save(row);
  }

  /** One multi-row INSERT of column arrays per ROWS_PER_INSERT overages. */
  async insertOverages(manager: EntityManager, rows: readonly OverageRow[]): Promise<void> {
    for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
      const chunk = rows.slice(from, from + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO overages (sim_id, period, version, category, used, allowance, excess, charged_units, amount_fen, payer)
         SELECT * FROM unnest($1::int[], $2::char(7)[], $3::int[], $4::varchar[], $5::bigint[], $6::bigint[],
                              $7::bigint[], $8::int[], $9::int[], $10::varchar[])`,
        [
          chunk.map((o) => o.simId),
          chunk.map((o) => o.period),
          chunk.map((o) => o.version),
          chunk.map((o) => o.category),
          chunk.map((o) => o.used),
          chunk.map((o) => o.allowance),
          chunk.map((o) => o.excess),
          chunk.map((o) => o.chargedUnits),
          chunk.map((o) => o.amountFen),
          chunk.map((o) => o.payer),
        ],
      );
    }
  }

  /** The latest statement of each holder, per month, for several months in one query. */
  async currentByPeriod(
    manager: EntityManager,
    periods: string[],
  ): Promise<Map<string, Map<number | null, StatementEntity>>> {
    const byPeriod = new Map<string, Map<number | null, StatementEntity>>();
    if (!periods.length) return byPeriod;
    const all = await manager.find(StatementEntity, {
      where: { period: In(periods) },
      order: { version: 'ASC' },
    });
    for (const s of all) {
      const holders = byPeriod.get(s.period) ?? new Map<number | null, StatementEntity>();
      byPeriod.set(s.period, holders.set(s.officerId, s));
    }
    return byPeriod;
  }

  /** The latest statement of each holder in the month. */
  async currentStatements(
    manager: EntityManager,
    period: string,
  ): Promise<Map<number | null, StatementEntity>> {
    return (await this.currentByPeriod(manager, [period])).get(period) ?? new Map();
  }

  /** The lines of the month's statements by statement, in one query (not one per holder). */
  async linesByStatement(
    manager: EntityManager,
    period: string,
  ): Promise<Map<number, StatementLineEntity[]>> {
    const lines = await manager
      .createQueryBuilder(StatementLineEntity, 'l')
      .innerJoin(StatementEntity, 's', 's.id = l.statementId')
      .where('s.period = :period', { period })
      .getMany();
    const byStatement = new Map<number, StatementLineEntity[]>();
    for (const line of lines) {
      const of = byStatement.get(line.statementId);
      if (of) of.push(line);
      else byStatement.set(line.statementId, [line]);
    }
    return byStatement;
  }

  /**
   * Writes a batch of pending statements (at most ROWS_PER_INSERT) and their lines, superseding each
   * holder's earlier one; answers the statements in the batch's order. Set-based: a few multi-row INSERTs.
   */
  async issueBatch(
    manager: EntityManager,
    period: string,
    batch: readonly PendingStatement[],
  ): Promise<StatementEntity[]> {
    const superseded = batch.flatMap((t) => (t.previous ? [t.previous.id] : []));
    if (superseded.length)
      await manager.query(`UPDATE statements SET status = 'superseded' WHERE id = ANY($1)`, [superseded]);
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO statements (officer_id, period, version, status, total_fen, previous_total_fen, supersedes_id)
       SELECT u.officer_id, $2, u.version, 'issued', u.total_fen, u.previous_total_fen, u.supersedes_id
         FROM unnest($1::int[], $3::int[], $4::int[], $5::int[], $6::int[]) WITH ORDINALITY
              u(officer_id, version, total_fen, previous_total_fen, supersedes_id, n)
        ORDER BY u.n
       RETURNING id, officer_id, period, version, status, total_fen, previous_total_fen, supersedes_id,
                 issued_at, acknowledged_at, disputed_at, dispute_reason`,
      [
        batch.map((t) => t.holder),
        period,
        batch.map((t) => (t.previous?.version ?? 0) + 1),
        batch.map((t) => totalFen(t.lines)),
        batch.map((t) => t.previous?.totalFen ?? null),
        batch.map((t) => t.previous?.id ?? null),
      ],
    );
    // Matched by holder: (officer, period, version) is unique, and the bureau has one statement.
    const byHolder = new Map(rows.map((r) => [r.officer_id as number | null, r]));
    const statements = batch.map((t) => statementOf(byHolder.get(t.holder)!));
    const lines = batch.flatMap((t, i) => t.lines.map((l) => ({ ...l, statementId: statements[i].id })));
    for (let from = 0; from < lines.length; from += ROWS_PER_INSERT) {
      const chunk = lines.slice(from, from + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO statement_lines (statement_id, sim_id, category, used, allowance, excess, amount_fen, payer, basis, repair_ticket_id)
         SELECT * FROM unnest($1::int[], $2::int[], $3::varchar[], $4::bigint[], $5::bigint[], $6::bigint[], $7::int[],
                              $8::varchar[], $9::jsonb[], $10::int[])`,
        [
          chunk.map((l) => l.statementId),
          chunk.map((l) => l.simId),
          chunk.map((l) => l.category),
          chunk.map((l) => l.used),
          chunk.map((l) => l.allowance),
          chunk.map((l) => l.excess),
          chunk.map((l) => l.amountFen),
          chunk.map((l) => l.payer),
          chunk.map((l) => JSON.stringify(l.basis)),
          chunk.map((l) => l.repairTicketId ?? null),
        ],
      );
    }
    return statements;
  }
}

/** Statements issued per batch: each batch's statements, lines, audit rows and notes, then the next. */
export const STATEMENTS_PER_BATCH = ROWS_PER_INSERT;

function statementOf(r: Record<string, unknown>): StatementEntity {
  return Object.assign(new StatementEntity(), {
    id: r.id as number,
    officerId: r.officer_id as number | null,
    period: r.period as string,
    version: r.version as number,
    status: r.status as StatementEntity['status'],
    totalFen: r.total_fen as number,
    previousTotalFen: r.previous_total_fen as number | null,
    supersedesId: r.supersedes_id as number | null,
    issuedAt: r.issued_at as Date,
    acknowledgedAt: r.acknowledged_at as Date | null,
    disputedAt: r.disputed_at as Date | null,
    disputeReason: r.dispute_reason as string | null,
  });
}
