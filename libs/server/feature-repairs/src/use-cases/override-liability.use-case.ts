import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { LiabilityOverrideBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { RepairApprovals } from './repair-approvals';
import { bad } from './repair-rules';

/** An admin changes the liable party with a written reason; the audit row keeps before, after and why. */
@Injectable()
export class OverrideLiabilityUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly approvals: RepairApprovals,
  ) {}

  execute(id: number, body: LiabilityOverrideBody, actor: Actor): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      if (ticket.status === 'cancelled') this.store.requireOpen(ticket);
      if (ticket.cause === null) {
        throw ApiException.conflict({
          zh: `维修单 ${ticket.ticketNo} 尚未诊断，请先诊断再调整责任方`,
          en: `Repair ticket ${ticket.ticketNo} is not diagnosed yet: diagnose it before changing the liable party`,
        });
      }
      let officerId: number | null = null;
      if (body.liability === 'officer') {
        if (body.liableOfficerId == null) {
          throw bad(
            'liableOfficerId',
            '责任方为警员时须指定警员',
            'Name the officer when the officer is liable',
          );
        }
        if (!(await this.store.officerExists(manager, body.liableOfficerId))) {
          throw bad('liableOfficerId', '警员不存在', 'No such officer');
        }
        officerId = body.liableOfficerId;
      } else if (body.liableOfficerId != null) {
        throw bad(
          'liableOfficerId',
          '责任方不是警员时不能指定警员',
          'Name an officer only when the officer is liable',
        );
      }
      ticket.liability = body.liability;
      ticket.liableOfficerId = officerId;
      ticket.liabilityReason = body.reason;
      ticket.liabilityReasonEn = body.reason;
      ticket.liabilityOverridden = true;
      // Any override waits for a second admin (issue 12 item 9), whoever asked for an earlier one.
      this.approvals.request(ticket, actor);
    });
  }
}
