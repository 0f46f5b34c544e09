import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { ApprovalBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { RepairApprovals } from './repair-approvals';
import { bad } from './repair-rules';

/** A second admin rejects the waiting charge, with a reason: it stays off every statement. */
@Injectable()
export class RejectChargeUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly approvals: RepairApprovals,
  ) {}

  execute(id: number, body: ApprovalBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      if (!body.reason) throw bad('reason', '驳回须写明理由', 'Give the reason for the rejection');
      await this.approvals.decide(manager, ticket, actor, now, { verb: 'reject', reason: body.reason });
    });
  }
}
