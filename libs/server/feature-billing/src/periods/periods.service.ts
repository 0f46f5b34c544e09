import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatFen, statementDrafts, totalFen } from '@fleet/domain/billing';
import {
  BillingPeriodEntity,
  MonthlyUsageEntity,
  OverageEntity,
  StatementEntity,
  StatementLineEntity,
} from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  findList,
  type ListQuery,
  type ListResult,
  type ListSpec,
  type NotificationDraft,
  Notifier,
} from '@fleet/server/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { PERIOD_PATTERN } from '../rules/billing-rules.dto';
import { type IssuedLine, repairCharges, sameIssuedLines } from './repair-charges';
import { UsageChargesService } from './usage-charges.service';
import type { PeriodDto, CloseResultDto, BillCheckDto, ClosePreviewDto } from '@fleet/shared/contracts';

export type { PeriodDto, CloseResultDto, BillCheckDto, ClosePreviewDto };

interface PendingStatement {
  holder: number | null;
  lines: IssuedLine[];
  previous: StatementEntity | undefined;
}

export const PERIOD_LIST: ListSpec = {
  resource: 'periods',
  sortable: ['id', 'period', 'status', 'version', 'closedAt'],
  defaultSort: ['period', 'DESC'],
  filters: {
    period: { property: 'period', type: 'string' },
    status: { property: 'status', type: 'string' },
  },
};

export function parsePeriod(period: string): string {
  if (!PERIOD_PATTERN.test(period)) {
    throw ApiException.badRequest([
      { field: 'period', reason: { zh: '月份应为 YYYY-MM', en: 'period must be YYYY-MM' } },
    ]);
  }
  return period;
}

/** Billing months: closing one issues its statements; closing it again issues amended ones where changed. */
@Injectable()
export class PeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly charges: UsageChargesService,
    private readonly notifier: Notifier,
  ) {}

  async list(query: ListQuery): Promise<ListResult<PeriodDto>> {
    const manager = this.dataSource.manager;
    const page = await findList(
      PERIOD_LIST.resource,
      manager.getRepository(BillingPeriodEntity).createQueryBuilder('e'),
      query,
    );
    const current = await this.currentByPeriod(
      manager,
      page.items.map((p) => p.period),
    );
    return page.map((p) => periodDto(p, current.get(p.period)));
  }

  /** A month by its YYYY-MM or by its numeric id (react-admin's getOne). */
  async get(periodOrId: string): Promise<PeriodDto> {
    const byId = /^\d+$/.test(periodOrId);
    const found = await this.dataSource.manager.findOneBy(
      BillingPeriodEntity,
      byId ? { id: Number(periodOrId) } : { period: parsePeriod(periodOrId) },
    );
    if (!found) throw ApiException.notFound('periods', periodOrId);
    return this.toDto(this.dataSource.manager, found);
  }

  /** SIMs whose carrier overage charge (summary file) differs from ours, both in fen. */
  async billCheck(period: string): Promise<BillCheckDto[]> {
    const { sims } = await this.charges.overages(parsePeriod(period));
    return sims
      .filter(({ usage }) => usage.carrierOverageFen !== null)
      .map(({ usage, overages }) => {
        const ourFen = totalFen(overages);
        const carrierFen = usage.carrierOverageFen!;
        return {
          simId: usage.simId,
          msisdn: usage.msisdn,
          carrierFen,
          ourFen,
          differenceFen: carrierFen - ourFen,
        };
      })
      .filter((row) => row.differenceFen !== 0);
  }

  async close(period: string, actor: Actor, now: Date): Promise<CloseResultDto> {
    parsePeriod(period);
    return this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(BillingPeriodEntity)
        .values({ period })
        .orIgnore()
        .execute();
      // The row lock serialises two closes of the same month.
      const row = await manager.findOne(BillingPeriodEntity, {
        where: { period },
        lock: { mode: 'pessimistic_write' },
      });
      const before = { ...row! };
      const version = row!.version + 1;
      // The attribution sorts the month's records by key (as the import's totals do): in memory, not on disk.
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      const { computed, drafts } = await this.compute(manager, period);
      if (computed.outOfPlanSimIds.length) {
        await manager.update(
          MonthlyUsageEntity,
          { period, simId: In(computed.outOfPlanSimIds) },
          { outsidePlan: true },
        );
      }
      const overageRows = computed.sims.flatMap(({ usage, overages }) =>
        overages.filter((o) => o.excess > 0).map((o) => ({ ...o, simId: usage.simId, period, version })),
      );
      // In chunks: one INSERT holds at most 65,535 parameters.
      for (let from = 0; from < overageRows.length; from += OVERAGES_PER_INSERT)
        await manager.insert(OverageEntity, overageRows.slice(from, from + OVERAGES_PER_INSERT));
      const issued = await this.issue(manager, period, await this.pending(manager, period, drafts), actor);

      row!.status = 'closed';
      row!.version = version;
      row!.closedAt = now;
      row!.closedByUserId = actor.userId;
      await manager.save(row!);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'periods',
        resourceId: period,
        before,
        after: { ...row!, issued: issued.length, outOfPlanSimIds: computed.outOfPlanSimIds },
      });
      return { ...(await this.toDto(manager, row!)), issued, outOfPlanSimIds: computed.outOfPlanSimIds };
    });
  }

  /**
   * What a close would do now, computed exactly as `close` computes it (same reads, same rules), with
   * nothing written: the statements it would issue, and the month's totals after it.
   */
  async preview(period: string): Promise<ClosePreviewDto> {
    parsePeriod(period);
    const manager = this.dataSource.manager;
    const row = await manager.findOneBy(BillingPeriodEntity, { period });
    const { computed, drafts } = await this.compute(manager, period);
    const pending = await this.pending(manager, period, drafts);
    const current = await this.currentStatements(manager, period);
    // The statements in force after the close: each holder's new lines, or their current statement.
    const after = new Map<number | null, number>([...current].map(([holder, s]) => [holder, s.totalFen]));
    for (const { holder, lines } of pending) after.set(holder, totalFen(lines));
    const officerTotals = [...after].filter(([holder]) => holder !== null).map(([, fen]) => fen);
    return {
      period,
      status: row?.status ?? null,
      version: (row?.version ?? 0) + 1,
      statements: pending.length,
      amended: pending.filter((p) => p.previous).length,
      unchanged: [...current.keys()].filter((holder) => !pending.some((p) => p.holder === holder)).length,
      officers: officerTotals.length,
      officerTotalFen: officerTotals.reduce((sum, fen) => sum + fen, 0),
      bureauTotalFen: after.get(null) ?? 0,
      simsInPlan: computed.sims.length,
      simsOver: computed.sims.filter(({ overages }) => totalFen(overages) > 0).length,
      outOfPlanSims: computed.outOfPlanSimIds.length,
    };
  }

  /** The month's overages and each holder's statement lines, as a close computes them (nothing written). */
  private async compute(manager: EntityManager, period: string) {
    const computed = await this.charges.overages(period, manager);
    const drafts: Map<number | null, IssuedLine[]> = statementDrafts(
      await this.charges.charges(manager, period, computed.sims),
    );
    // Repairs closed in the month: the liable officer's own section, or the bureau's summary.
    for (const [holder, lines] of await repairCharges(manager, period)) {
      drafts.set(holder, [...(drafts.get(holder) ?? []), ...lines]);
    }
    if (!drafts.has(null)) drafts.set(null, []);
    return { computed, drafts };
  }

  /** The holders a close issues a statement to: newly charged, or whose lines changed (nothing written). */
  private async pending(
    manager: EntityManager,
    period: string,
    drafts: Map<number | null, IssuedLine[]>,
  ): Promise<PendingStatement[]> {
    const current = await this.currentStatements(manager, period);
    const previousLines = await this.linesByStatement(manager, period);
    const holders = new Set<number | null>([...drafts.keys(), ...current.keys()]);
    const pending: PendingStatement[] = [];
    for (const holder of holders) {
      const lines = drafts.get(holder) ?? [];
      const previous = current.get(holder);
      if (previous) {
        if (sameIssuedLines(previousLines.get(previous.id) ?? [], lines)) continue;
      } else if (holder !== null && !lines.length) continue;
      pending.push({ holder, lines, previous });
    }
    return pending;
  }

  /** The lines of the month's statements by statement, in one query (not one per holder). */
  private async linesByStatement(
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
   * Issues the pending statements; the earlier one of each holder is superseded. Set-based (a province
   * closes 100,000 statements): the statements, their lines and their audit rows each in a few
   * multi-row INSERTs.
   */
  private async issue(
    manager: EntityManager,
    period: string,
    pending: PendingStatement[],
    actor: Actor,
  ): Promise<CloseResultDto['issued']> {
    const toIssue = pending;
    if (!toIssue.length) return [];
    const superseded = toIssue.flatMap((t) => (t.previous ? [t.previous.id] : []));
    if (superseded.length)
      await manager.query(`UPDATE statements SET status = 'superseded' WHERE id = ANY($1)`, [superseded]);
    const statements: StatementEntity[] = [];
    for (let from = 0; from < toIssue.length; from += ROWS_PER_INSERT) {
      const chunk = toIssue.slice(from, from + ROWS_PER_INSERT);
      const rows: Record<string, unknown>[] = await manager.query(
        `INSERT INTO statements (officer_id, period, version, status, total_fen, previous_total_fen, supersedes_id)
         SELECT u.officer_id, $2, u.version, 'issued', u.total_fen, u.previous_total_fen, u.supersedes_id
           FROM unnest($1::int[], $3::int[], $4::int[], $5::int[], $6::int[]) WITH ORDINALITY
                u(officer_id, version, total_fen, previous_total_fen, supersedes_id, n)
          ORDER BY u.n
         RETURNING id, officer_id, period, version, status, total_fen, previous_total_fen, supersedes_id,
                   issued_at, acknowledged_at, disputed_at, dispute_reason`,
        [
          chunk.map((t) => t.holder),
          period,
          chunk.map((t) => (t.previous?.version ?? 0) + 1),
          chunk.map((t) => totalFen(t.lines)),
          chunk.map((t) => t.previous?.totalFen ?? null),
          chunk.map((t) => t.previous?.id ?? null),
        ],
      );
      // Matched by holder: (officer, period, version) is unique, and the bureau has one statement.
      const byHolder = new Map(rows.map((r) => [r.officer_id as number | null, r]));
      for (const t of chunk) statements.push(statementOf(byHolder.get(t.holder)!));
    }
    const lines = toIssue.flatMap((t, i) => t.lines.map((l) => ({ ...l, statementId: statements[i].id })));
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
    await this.audit.recordMany(
      manager,
      toIssue.map((t, i) => ({
        actor,
        action: 'create' as const,
        resource: 'statements',
        resourceId: statements[i].id,
        after: { ...issuedFields(statements[i]), lines: t.lines },
      })),
    );
    await this.notifier.toOfficers(manager, statements.map(statementIssuedNote));
    return statements.map((s) => ({
      statementId: s.id,
      officerId: s.officerId,
      version: s.version,
      totalFen: s.totalFen,
    }));
  }

  /** The latest statement of each holder in the month. */
  private async currentStatements(
    manager: EntityManager,
    period: string,
  ): Promise<Map<number | null, StatementEntity>> {
    return (await this.currentByPeriod(manager, [period])).get(period) ?? new Map();
  }

  /** The latest statement of each holder, per month, for several months in one query. */
  private async currentByPeriod(
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

  private async toDto(manager: EntityManager, p: BillingPeriodEntity): Promise<PeriodDto> {
    return periodDto(p, await this.currentStatements(manager, p.period));
  }
}

/** Overages per INSERT (eleven parameters a row). */
const OVERAGES_PER_INSERT = 5_000;
/** Rows written per multi-row INSERT of a close. */
const ROWS_PER_INSERT = 20_000;

/** A statement row as the entity holds it. */
/** The officer's notification of a statement issued to them (amended: a later version of the month's). */
function statementIssuedNote(s: StatementEntity): { officerId: number | null; draft: NotificationDraft } {
  const yuan = formatFen(s.totalFen);
  const amended = s.version > 1;
  return {
    officerId: s.officerId,
    draft: {
      kind: 'statement_issued',
      title: {
        zh: `${s.period} 话费账单已${amended ? '更正' : '出具'}：¥${yuan}，请核对确认`,
        en: `Your ${s.period} statement was ${amended ? 'amended' : 'issued'}: ¥${yuan}, please check it`,
      },
      link: `/statements/${s.id}/show`,
    },
  };
}

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

/** What a statement has when it is issued (the audit row's "after"; answering it comes later). */
function issuedFields(s: StatementEntity): Partial<StatementEntity> {
  const { acknowledgedAt: _acknowledged, disputedAt: _disputed, disputeReason: _reason, ...issued } = s;
  return issued;
}

function periodDto(p: BillingPeriodEntity, current = new Map<number | null, StatementEntity>()): PeriodDto {
  const statements = [...current.values()];
  return {
    id: p.id,
    period: p.period,
    status: p.status,
    version: p.version,
    closedAt: p.closedAt?.toISOString() ?? null,
    officerTotalFen: totalFen(
      statements.filter((s) => s.officerId !== null).map((s) => ({ amountFen: s.totalFen })),
    ),
    bureauTotalFen: totalFen(
      statements.filter((s) => s.officerId === null).map((s) => ({ amountFen: s.totalFen })),
    ),
    statements: statements.length,
  };
}
