import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import { AssignDeviceUseCase, MoveSimUseCase } from '@fleet/server/feature-inventory';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { LoanerBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { bad } from './repair-rules';

/**
 * Lends a phone (备用机) to the ticket's officer: a custody handover like any other (an assignment in
 * the device timelines), with the officer's SIM(s) moved into the loaner when asked, all in one
 * transaction with the ticket.
 */
@Injectable()
export class HandOutLoanerUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly assignDevice: AssignDeviceUseCase,
    private readonly moveSim: MoveSimUseCase,
  ) {}

  execute(id: number, body: LoanerBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireOpen(ticket);
      if (ticket.loanerDeviceId !== null && ticket.loanerBackAt === null) {
        throw ApiException.conflict({
          zh: `维修单 ${ticket.ticketNo} 已借出备用机（终端编号 ${ticket.loanerDeviceId}）`,
          en: `Repair ticket ${ticket.ticketNo} already has a loaner out (device ${ticket.loanerDeviceId})`,
        });
      }
      const officerId = ticket.holderOfficerId ?? ticket.reportedByOfficerId;
      if (officerId === null) {
        throw ApiException.conflict({
          zh: `维修单 ${ticket.ticketNo} 没有持有人或报修警员，无法借出备用机`,
          en: `Repair ticket ${ticket.ticketNo} has no holder or reporting officer to lend a phone to`,
        });
      }
      if (body.loanerDeviceId === ticket.deviceId) {
        throw bad('loanerDeviceId', '备用机不能是送修的终端', 'The loaner must be another device');
      }
      if (!(await this.store.deviceExists(manager, body.loanerDeviceId))) {
        throw bad('loanerDeviceId', '终端不存在', 'No such device');
      }
      await this.assignDevice.execute(
        body.loanerDeviceId,
        { officerId, condition: `维修备用机（维修单 ${ticket.ticketNo}）` },
        actor,
        now,
        manager,
      );
      ticket.loanerSimIds = body.moveSim
        ? await this.moveSims(manager, actor, now, ticket.deviceId, body.loanerDeviceId)
        : [];
      ticket.loanerDeviceId = body.loanerDeviceId;
      ticket.loanerOutAt = now;
      ticket.loanerBackAt = null;
    });
  }

  /** Moves every SIM in the broken device into the same slot of the loaner; returns their ids. */
  private async moveSims(
    manager: EntityManager,
    actor: Actor,
    now: Date,
    from: number,
    to: number,
  ): Promise<number[]> {
    const sims = await this.store.simsIn(manager, from, { slot: 'ASC' });
    for (const sim of sims) {
      await this.moveSim.execute(sim.id, { deviceId: to, slot: sim.slot as 1 | 2 }, actor, now, manager);
    }
    return sims.map((s) => s.id);
  }
}
