import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BillingPeriodEntity,
  BillingRulesEntity,
  StatementEntity,
  StatementLineEntity,
} from '@fleet/server/persistence';
import { findList, type ListQuery, type ListResult } from '@fleet/server/platform';
import type { DataSource, EntityManager } from 'typeorm';

/** A statement's line as stored (its SIM's number is inventory's). */
export type StoredStatementLine = Omit<StatementLineEntity, 'statement' | 'statementId'>;

/**
 * A line of the month's workbook as stored: the statement in force and (when it has any) a line; its
 * holder's name and unit are org's, its SIM's number inventory's.
 */
export interface StatementLineRow {
  statement_id: number;
  officer_id: number | null;
  version: number;
  status: string;
  total_fen: number;
  line_id: number | null;
  sim_id: number | null;
  category: string | null;
  used: string | null;
  allowance: string | null;
  excess: string | null;
  amount_fen: number | null;
  payer: string | null;
}

/** Statements and their lines as the statement pages read them and officers answer them. */
@Injectable()
export class StatementsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A page of statements; an officer's only their own (`ownOf` their officer id). */
  list(
    resource: string,
    query: ListQuery,
    search: readonly string[],
    ownOf: number | null,
  ): Promise<ListResult<StatementEntity>> {
    const builder = this.dataSource.getRepository(StatementEntity).createQueryBuilder('e');
    if (ownOf !== null) builder.where('e.officerId = :own', { own: ownOf });
    return findList(resource, builder, query, search);
  }

  find(id: number): Promise<StatementEntity | null> {
    return this.dataSource.manager.findOneBy(StatementEntity, { id });
  }

  /** The statement locked for an answer, in the caller's transaction. */
  findForUpdate(manager: EntityManager, id: number): Promise<StatementEntity | null> {
    return manager.findOne(StatementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, statement: StatementEntity): Promise<StatementEntity> {
    return manager.save(statement);
  }

  periodExists(period: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(BillingPeriodEntity, { period });
  }

  /** Every statement in force for the month with its lines (one row a line; a statement without any once). */
  workbookRows(period: string): Promise<StatementLineRow[]> {
    return this.dataSource.query(
      `SELECT s.id AS statement_id, s.officer_id, s.version, s.status, s.total_fen, l.id AS line_id,
                l.sim_id, l.category, l.used, l.allowance, l.excess, l.amount_fen, l.payer
           FROM statements s
           LEFT JOIN statement_lines l ON l.statement_id = s.id
          WHERE s.period = $1 AND s.status <> 'superseded'
          ORDER BY s.officer_id NULLS LAST, s.id, l.sim_id, l.id`,
      [period],
    );
  }

  rules(): Promise<BillingRulesEntity[]> {
    return this.dataSource.manager.find(BillingRulesEntity);
  }

  /** A statement's lines by SIM. */
  async lines(statementId: number): Promise<StoredStatementLine[]> {
    const lines = await this.dataSource.manager.find(StatementLineEntity, {
      where: { statementId },
      order: { simId: 'ASC', id: 'ASC' },
    });
    return lines.map(({ statement: _s, statementId: _id, ...l }) => l);
  }
}
