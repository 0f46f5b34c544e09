import { Injectable, Logger } from '@nestjs/common';
import { formatFen } from '@fleet/domain/billing';
import { MonthlyUsageWriter } from '@fleet/server/feature-usage';
import type { StatementEntity } from '@fleet/server/persistence';
import { type Actor, AuditService, type NotificationDraft, Notifier } from '@fleet/server/platform';
import type { CloseResultDto } from '@fleet/shared/contracts';
import type { EntityManager } from 'typeorm';
import { parsePeriod, periodDto } from '../period.dto';
import { type PendingStatement, PeriodsStore, STATEMENTS_PER_BATCH } from '../periods.store';
import { MonthCharges } from './month-charges';

/**
 * Closes a month (§3.5): its overages and each holder's statement, issued where new or changed (the
 * earlier one superseded), all in one transaction with their audit rows and the officers' notes. Closing
 * it again issues amended statements where a charge changed. A province closes 100,000 statements:
 * everything is computed set-based (ADR 0017) and the statements are written in batches.
 */
@Injectable()
export class ClosePeriodUseCase {
  private readonly logger = new Logger(ClosePeriodUseCase.name);

  constructor(
    private readonly store: PeriodsStore,
    private readonly month: MonthCharges,
    private readonly audit: AuditService,
    private readonly notifier: Notifier,
    private readonly usage: MonthlyUsageWriter,
  ) {}

  execute(period: string, actor: Actor, now: Date): Promise<CloseResultDto> {
    parsePeriod(period);
    return this.store.transaction(async (manager) => {
      const since = performance.now();
      const row = await this.store.lockForClose(manager, period);
      const before = { ...row };
      const version = row.version + 1;
      await this.store.allowSort(manager);
      const { computed, drafts } = await this.month.compute(manager, period);
      const computedAt = performance.now();
      await this.usage.markOutsidePlan(manager, period, computed.outOfPlanSimIds);
      await this.store.insertOverages(
        manager,
        computed.sims.flatMap(({ usage, overages }) =>
          overages.filter((o) => o.excess > 0).map((o) => ({ ...o, simId: usage.simId, period, version })),
        ),
      );
      const issued = await this.issue(
        manager,
        period,
        await this.month.pending(manager, period, drafts),
        actor,
      );

      row.status = 'closed';
      row.version = version;
      row.closedAt = now;
      row.closedByUserId = actor.userId;
      await this.store.save(manager, row);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'periods',
        resourceId: period,
        before,
        after: { ...row, issued: issued.length, outOfPlanSimIds: computed.outOfPlanSimIds },
      });
      this.logger.log(
        `closed ${period} (version ${version}): ${issued.length} statements; computed in ${((computedAt - since) / 1000).toFixed(2)} s, written in ${((performance.now() - computedAt) / 1000).toFixed(2)} s`,
      );
      const current = await this.store.currentStatements(manager, period);
      return { ...periodDto(row, current), issued, outOfPlanSimIds: computed.outOfPlanSimIds };
    });
  }

  /**
   * Issues the pending statements in batches, each batch's statements, lines, audit rows and notes
   * written before the next batch is built (the audit chain continues from one batch to the next).
   */
  private async issue(
    manager: EntityManager,
    period: string,
    pending: PendingStatement[],
    actor: Actor,
  ): Promise<CloseResultDto['issued']> {
    const issued: CloseResultDto['issued'] = [];
    for (let from = 0; from < pending.length; from += STATEMENTS_PER_BATCH) {
      const batch = pending.slice(from, from + STATEMENTS_PER_BATCH);
      const statements = await this.store.issueBatch(manager, period, batch);
      await this.audit.recordMany(
        manager,
        batch.map((t, i) => ({
          actor,
          action: 'create' as const,
          resource: 'statements',
          resourceId: statements[i].id,
          after: { ...issuedFields(statements[i]), lines: t.lines },
        })),
      );
      await this.notifier.toOfficers(manager, statements.map(statementIssuedNote));
      for (const s of statements)
        issued.push({ statementId: s.id, officerId: s.officerId, version: s.version, totalFen: s.totalFen });
    }
    return issued;
  }
}

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

/** What a statement has when it is issued (the audit row's "after"; answering it comes later). */
function issuedFields(s: StatementEntity): Partial<StatementEntity> {
  const { acknowledgedAt: _acknowledged, disputedAt: _disputed, disputeReason: _reason, ...issued } = s;
  return issued;
}
