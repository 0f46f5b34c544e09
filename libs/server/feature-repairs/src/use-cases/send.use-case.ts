import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { SendBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';

/** The device goes out to the repairer, with the tracking note. */
@Injectable()
export class SendUseCase {
  constructor(private readonly store: RepairTicketStore) {}

  execute(id: number, body: SendBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'sent_out');
      ticket.vendor = body.vendor;
      ticket.trackingNote = body.trackingNote;
      await this.store.transition(
        manager,
        ticket,
        'sent_out',
        actor,
        now,
        `${body.vendor}：${body.trackingNote}`,
      );
    });
  }
}
