import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@fleet/domain/inventory';
import { LIABLE_PARTY_LABELS, REPAIR_CAUSE_LABELS, repairLiability } from '@fleet/domain/repairs';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import { CustodyHistoryService } from '@fleet/server/feature-inventory';
import type { Actor } from '@fleet/server/platform';
import type { DiagnoseBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { damageMoment, NO_APPROVAL, requireDamageBeforeReport } from './repair-rules';

/**
 * Records the cause found and sets the liability by the rule (§3.2): the holder when the damage
 * happened (custody history at damagedAt, else at the report) and the warranty at the report.
 */
@Injectable()
export class DiagnoseUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly history: CustodyHistoryService,
  ) {}

  execute(id: number, body: DiagnoseBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'diagnosed');
      const damagedAt = body.damagedAt ? new Date(body.damagedAt) : ticket.damagedAt;
      requireDamageBeforeReport(damagedAt, ticket.reportedAt);
      const holder = await this.history.holderAt(
        ticket.deviceId,
        damageMoment(damagedAt, ticket.reportedAt),
        manager,
      );
      const liability = repairLiability({
        cause: body.cause,
        reportedOn: chinaDateOf(ticket.reportedAt),
        warrantyEndOn: ticket.warrantyEndOn,
        holderOfficerId: holder.officerId,
      });
      Object.assign(ticket, {
        cause: body.cause,
        diagnosis: body.diagnosis,
        damagedAt,
        holderOfficerId: holder.officerId,
        inWarranty: liability.inWarranty,
        liability: liability.party,
        liableOfficerId: liability.officerId,
        liabilityReason: liability.reason.zh,
        liabilityReasonEn: liability.reason.en,
        liabilityOverridden: false,
        ...NO_APPROVAL,
        ...(body.quoteFen !== undefined ? { quoteFen: body.quoteFen } : {}),
      });
      const note = `${REPAIR_CAUSE_LABELS[body.cause].zh}；${LIABLE_PARTY_LABELS[liability.party].zh}：${liability.reason.zh}`;
      await this.store.transition(manager, ticket, 'diagnosed', actor, now, note);
    });
  }
}
