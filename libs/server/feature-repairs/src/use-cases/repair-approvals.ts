import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { repairApprovalCauses, REPAIR_APPROVAL_LABELS } from '@fleet/domain/repairs';
import type { RepairTicketEntity } from '@fleet/server/persistence';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { RepairTicketStore } from '../repair-ticket.store';
import { NO_APPROVAL } from './repair-rules';

/**
 * Four eyes on money (issue 12 item 9): which charges wait for a second admin, who asked for them,
 * and who may decide. Shared by the override, the close, and the approve and reject use cases.
 */
@Injectable()
export class RepairApprovals {
  constructor(
    private readonly store: RepairTicketStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private causesOf(ticket: RepairTicketEntity) {
    return repairApprovalCauses({
      liability: ticket.liability,
      costFen: ticket.costFen,
      liabilityOverridden: ticket.liabilityOverridden,
      thresholdFen: this.config.repairApprovalThresholdFen,
    });
  }

  /** The charge waits from now on, asked for by this actor; an earlier decision no longer stands. */
  request(ticket: RepairTicketEntity, actor: Actor): void {
    Object.assign(ticket, {
      ...NO_APPROVAL,
      approvalStatus: 'pending',
      approvalCauses: this.causesOf(ticket),
      approvalRequestedByUserId: actor.userId,
    });
  }

  /**
   * At the close: an officer-liable cost above the threshold waits (asked for by whoever closes, unless
   * an override already waits, whose requester stays); an override's own approval or rejection stands
   * when the cost adds nothing to approve; otherwise the charge goes straight through.
   */
  reviewClosedCharge(ticket: RepairTicketEntity, actor: Actor): void {
    const causes = this.causesOf(ticket);
    if (!causes.length) {
      Object.assign(ticket, NO_APPROVAL);
    } else if (ticket.approvalStatus === 'pending') {
      ticket.approvalCauses = causes;
    } else if (!causes.includes('amount') && ticket.approvalStatus !== null) {
      ticket.approvalCauses = causes;
    } else {
      this.request(ticket, actor);
    }
  }

  /**
   * Refuses 409 when nothing waits, and 403 (naming why) when the approver asked for it, made the
   * override or closed the ticket at the cost that waits: four eyes are two people.
   */
  async requireSecondPair(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    actor: Actor,
    verb: 'approve' | 'reject',
  ): Promise<void> {
    if (ticket.approvalStatus !== 'pending') {
      const state = ticket.approvalStatus ? REPAIR_APPROVAL_LABELS[ticket.approvalStatus] : null;
      throw ApiException.conflict({
        zh: `维修单 ${ticket.ticketNo} 没有待复核的费用${state ? `（${state.zh}）` : ''}`,
        en: `Repair ticket ${ticket.ticketNo} has no charge awaiting approval${state ? ` (${state.en})` : ''}`,
      });
    }
    const closer =
      ticket.status === 'closed' && ticket.approvalCauses.includes('amount')
        ? await this.store.lastEvent(manager, ticket.id, 'closed')
        : null;
    const own = [ticket.approvalRequestedByUserId, closer?.userId ?? null].includes(actor.userId);
    if (own) {
      const zhVerb = verb === 'approve' ? '批准' : '驳回';
      throw new ApiException(HttpStatus.FORBIDDEN, {
        zh: `不能${zhVerb}本人提交的维修费用或责任变更（维修单 ${ticket.ticketNo}）：须由另一名管理员复核`,
        en: `You cannot ${verb} a repair charge or liability change you made yourself (ticket ${ticket.ticketNo}): another admin must review it`,
      });
    }
  }

  /** Records the second admin's decision on the waiting charge. */
  async decide(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    actor: Actor,
    now: Date,
    decision: { verb: 'approve' | 'reject'; reason: string | null },
  ): Promise<void> {
    await this.requireSecondPair(manager, ticket, actor, decision.verb);
    Object.assign(ticket, {
      approvalStatus: decision.verb === 'approve' ? 'approved' : 'rejected',
      approvalDecidedByUserId: actor.userId,
      approvalDecidedAt: now,
      approvalReason: decision.reason,
    });
  }
}
