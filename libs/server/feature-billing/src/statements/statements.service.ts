import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { versionFor } from '@fleet/domain/billing';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import type { StatementEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  chinaDateTime,
  type ListQuery,
  type ListResult,
  type ListSpec,
  type PrintDocument,
} from '@fleet/server/platform';
import { renderStatement } from './statement.html';
import { StatementsStore } from './statements.store';
import type { StatementDto, StatementLineDto } from '@fleet/shared/contracts';

export type { StatementDto, StatementLineDto };

export const STATEMENT_LIST: ListSpec = {
  resource: 'statements',
  sortable: ['id', 'period', 'officerId', 'version', 'status', 'totalFen', 'issuedAt'],
  defaultSort: ['id', 'DESC'],
  filters: {
    period: { property: 'period', type: 'string' },
    officerId: { property: 'officerId', type: 'int' },
    status: { property: 'status', type: 'string' },
    version: { property: 'version', type: 'int' },
  },
  search: ['period', 'status', 'disputeReason'],
};

const toDto = (s: StatementEntity): StatementDto => ({
  id: s.id,
  officerId: s.officerId,
  period: s.period,
  version: s.version,
  status: s.status,
  totalFen: s.totalFen,
  previousTotalFen: s.previousTotalFen,
  supersedesId: s.supersedesId,
  issuedAt: s.issuedAt.toISOString(),
  acknowledgedAt: s.acknowledgedAt?.toISOString() ?? null,
  disputedAt: s.disputedAt?.toISOString() ?? null,
  disputeReason: s.disputeReason,
});

/** Statements: admins and auditors see all; an officer only their own (others answer 404 or an empty list). */
@Injectable()
export class StatementsService {
  constructor(
    private readonly store: StatementsStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly org: OrgLookupReader,
    private readonly inventory: InventoryLookupReader,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<ListResult<StatementDto>> {
    const own = actor.role === 'officer' ? (actor.officerId ?? -1) : null;
    return (await this.store.list(STATEMENT_LIST.resource, query, STATEMENT_LIST.search ?? [], own)).map(
      toDto,
    );
  }

  async get(actor: Actor, id: number): Promise<StatementDto & { lines: StatementLineDto[] }> {
    const statement = await this.load(actor, id);
    return { ...toDto(statement), lines: await this.lines(id) };
  }

  /** The 超额费用通知单 as a print document: the lines, how each was computed, and the month's tariff. */
  async print(actor: Actor, id: number): Promise<PrintDocument> {
    const statement = await this.load(actor, id);
    const officer = statement.officerId ? await this.org.officerOrFail(statement.officerId) : null;
    const unit = officer ? await this.org.unit(officer.unitId) : null;
    const tariff = versionFor(statement.period, await this.store.rules());
    return renderStatement({
      id: statement.id,
      bureau: this.config.documents.bureauName,
      officer: officer ? { name: officer.name, badgeNo: officer.badgeNo, unit: unit?.name ?? '' } : null,
      period: statement.period,
      version: statement.version,
      status: statement.status,
      issuedOn: chinaDateTime(statement.issuedAt).slice(0, 10),
      tariff,
      totalFen: statement.totalFen,
      previousTotalFen: statement.previousTotalFen,
      lines: (await this.lines(id)).map((l) => ({ ...l, msisdn: l.msisdn ?? '' })),
    });
  }

  acknowledge(actor: Actor, id: number, now: Date): Promise<StatementDto> {
    return this.respond(actor, id, ['issued'], { status: 'acknowledged', acknowledgedAt: now });
  }

  dispute(actor: Actor, id: number, reason: string, now: Date): Promise<StatementDto> {
    return this.respond(actor, id, ['issued', 'acknowledged'], {
      status: 'disputed',
      disputedAt: now,
      disputeReason: reason,
    });
  }

  /** The officer's answer to their statement, audited; a superseded or already answered one is refused. */
  private respond(
    actor: Actor,
    id: number,
    from: string[],
    change: Partial<StatementEntity>,
  ): Promise<StatementDto> {
    return this.store.transaction(async (manager) => {
      const statement = await this.store.findForUpdate(manager, id);
      if (!statement || statement.officerId === null || statement.officerId !== actor.officerId) {
        throw ApiException.notFound('statements', id);
      }
      if (!from.includes(statement.status)) {
        throw new ApiException(HttpStatus.CONFLICT, {
          zh: `通知单 ${id} 的状态为「${statement.status}」，不能再操作`,
          en: `Statement ${id} is ${statement.status} and cannot be changed so`,
        });
      }
      const before = toDto(statement);
      const after = toDto(await this.store.save(manager, Object.assign(statement, change)));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'statements',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async load(actor: Actor, id: number): Promise<StatementEntity> {
    const statement = await this.store.find(id);
    if (
      !statement ||
      (actor.role === 'officer' && (statement.officerId === null || statement.officerId !== actor.officerId))
    ) {
      throw ApiException.notFound('statements', id);
    }
    return statement;
  }

  /** The statement's lines by SIM, with each SIM's number (null for a repair line). */
  private async lines(statementId: number): Promise<StatementLineDto[]> {
    const lines = await this.store.lines(statementId);
    const numbers = await this.inventory.msisdns(lines.flatMap((l) => (l.simId === null ? [] : [l.simId])));
    return lines.map((l) => ({ ...l, msisdn: l.simId === null ? null : (numbers.get(l.simId) ?? null) }));
  }
}
