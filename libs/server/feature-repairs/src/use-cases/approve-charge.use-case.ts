import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { ApprovalBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { RepairApprovals } from './repair-approvals';

/**
 * A second admin approves the charge (or the override) that waits; it reaches the statements of its
 * month at the month's next close. Whoever asked for it (or closed the ticket at that cost) may not.
 */
@Injectable()
export class ApproveChargeUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly approvals: RepairApprovals,
  ) {}

  execute(id: number, body: ApprovalBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, (manager, ticket) =>
      this.approvals.decide(manager, ticket, actor, now, { verb: 'approve', reason: body.reason || null }),
    );
  }
}
