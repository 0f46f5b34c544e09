import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { Actor } from '@fleet/server/platform';
import type { UpdateBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';

/** The desk's corrections while the ticket is open: fault, accessories, condition, quote, notes. */
@Injectable()
export class UpdateTicketUseCase {
  constructor(private readonly store: RepairTicketStore) {}

  execute(id: number, body: UpdateBody, actor: Actor): Promise<RepairTicketDto> {
    return this.store.change(id, actor, (_manager, ticket) => {
      this.store.requireOpen(ticket);
      if (body.fault !== undefined) ticket.fault = body.fault;
      if (body.accessories !== undefined) ticket.accessories = body.accessories;
      if (body.condition !== undefined) ticket.condition = body.condition || null;
      if (body.quoteFen !== undefined) ticket.quoteFen = body.quoteFen;
      if (body.notes !== undefined) ticket.notes = body.notes || null;
      return Promise.resolve();
    });
  }
}
