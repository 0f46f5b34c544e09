import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { CancelBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { requireLoanerBack } from './repair-rules';

/** Cancels a ticket not yet sent out; the device goes back in stock (to be handed back). */
@Injectable()
export class CancelUseCase {
  constructor(private readonly store: RepairTicketStore) {}

  execute(id: number, body: CancelBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'cancelled');
      requireLoanerBack(ticket);
      ticket.cancelReason = body.reason;
      await this.store.moveDevice(manager, actor, ticket.deviceId, 'repair_out');
      await this.store.transition(manager, ticket, 'cancelled', actor, now, body.reason);
    });
  }
}
