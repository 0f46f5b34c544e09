import { Injectable } from '@nestjs/common';
import { repairChargePeriod } from '@fleet/domain/repairs';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { CloseBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { RepairApprovals } from './repair-approvals';
import { bad, requireLoanerBack } from './repair-rules';

/** Books the final cost and closes: the charge goes on the statements of the month it closes in. */
@Injectable()
export class CloseUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly approvals: RepairApprovals,
  ) {}

  execute(id: number, body: CloseBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'closed');
      const cost = body.finalCostFen ?? ticket.costFen;
      if (cost === null || cost === undefined) {
        throw bad('finalCostFen', '请填写最终费用（分）', 'Give the final cost (fen)');
      }
      requireLoanerBack(ticket);
      ticket.costFen = cost;
      ticket.closedAt = now;
      ticket.chargePeriod = repairChargePeriod(now);
      this.approvals.reviewClosedCharge(ticket, actor);
      await this.store.transition(manager, ticket, 'closed', actor, now, `¥${(cost / 100).toFixed(2)}`);
    });
  }
}
