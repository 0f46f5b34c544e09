import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { RepairTicketEntity } from '@fleet/server/persistence';
import { MoveSimUseCase, ReturnDeviceUseCase } from '@fleet/server/feature-inventory';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { LoanerReturnBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';

/** Takes the loaner back (a custody return), with the SIMs moved back when asked. */
@Injectable()
export class TakeBackLoanerUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly returnDevice: ReturnDeviceUseCase,
    private readonly moveSim: MoveSimUseCase,
  ) {}

  execute(id: number, body: LoanerReturnBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      const loaner = ticket.loanerDeviceId;
      if (loaner === null || ticket.loanerBackAt !== null) {
        throw ApiException.conflict({
          zh: `维修单 ${ticket.ticketNo} 没有借出中的备用机`,
          en: `Repair ticket ${ticket.ticketNo} has no loaner out`,
        });
      }
      if (body.moveSimBack && ticket.loanerSimIds.length) {
        const target = await this.simTarget(manager, ticket);
        const sims = await this.store.simsByIds(manager, ticket.loanerSimIds, loaner);
        for (const sim of sims) {
          await this.moveSim.execute(
            sim.id,
            { deviceId: target, slot: sim.slot as 1 | 2 },
            actor,
            now,
            manager,
          );
        }
      }
      await this.returnDevice.execute(
        loaner,
        { condition: `备用机归还（维修单 ${ticket.ticketNo}）` },
        actor,
        now,
        manager,
      );
      ticket.loanerBackAt = now;
    });
  }

  /** The device the SIMs go back into: the replacement, else the repaired device unless it is retired. */
  private async simTarget(manager: EntityManager, ticket: RepairTicketEntity): Promise<number> {
    const target = ticket.replacementDeviceId ?? ticket.deviceId;
    const device = await this.store.device(manager, target);
    if (device.status === 'retired') {
      throw ApiException.conflict(
        {
          zh: `终端（编号 ${device.id}）已报废，号卡无法移回；请不勾选“移回号卡”，另行装卡`,
          en: `Device ${device.id} is retired and cannot take the SIMs back; return the loaner without moving them`,
        },
        'moveSimBack',
      );
    }
    return target;
  }
}
