import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statementDrafts, totalFen } from '@fleet/domain/billing';
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
      if (overageRows.length) await manager.insert(OverageEntity, overageRows);
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

  /** Issues the pending statements; the earlier one of each holder is superseded. */
  private async issue(
    manager: EntityManager,
    period: string,
    pending: PendingStatement[],
    actor: Actor,
  ): Promise<CloseResultDto['issued']> {
    const issued: CloseResultDto['issued'] = [];
    for (const { holder, lines, previous } of pending) {
      if (previous) await manager.update(StatementEntity, previous.id, { status: 'superseded' });
      const statement = await manager.save(
        manager.create(StatementEntity, {
          officerId: holder,
          period,
          version: (previous?.version ?? 0) + 1,
          status: 'issued',
          totalFen: totalFen(lines),
          previousTotalFen: previous?.totalFen ?? null,
          supersedesId: previous?.id ?? null,
        }),
      );
      if (lines.length) {
        await manager.insert(
          StatementLineEntity,
          lines.map((l) => ({ ...l, statementId: statement.id })),
        );
      }
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'statements',
        resourceId: statement.id,
        after: { ...statement, lines },
      });
      issued.push({
        statementId: statement.id,
        officerId: holder,
        version: statement.version,
        totalFen: statement.totalFen,
      });
    }
    return issued;
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
