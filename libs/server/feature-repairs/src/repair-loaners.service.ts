import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import { DeviceEntity, type RepairTicketEntity, SimCardEntity } from '@fleet/server/persistence';
import { AssignDeviceUseCase, MoveSimUseCase, ReturnDeviceUseCase } from '@fleet/server/feature-inventory';
import { type Actor, ApiException } from '@fleet/server/platform';
import { type EntityManager, In } from 'typeorm';
import type { LoanerBody, LoanerReturnBody } from './repair-ticket.dto';
import { RepairTicketStore } from './repair-ticket.store';

const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

/**
 * Loaner phones (备用机): handed to the ticket's officer and taken back as custody events like any
 * other (assignments in the device timelines), with the officer's SIM(s) moved into the loaner and
 * back when asked, all in one transaction with the ticket.
 */
@Injectable()
export class RepairLoanersService {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly assignDevice: AssignDeviceUseCase,
    private readonly returnDevice: ReturnDeviceUseCase,
    private readonly moveSim: MoveSimUseCase,
  ) {}

  handOut(id: number, body: LoanerBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
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
      if (!(await manager.existsBy(DeviceEntity, { id: body.loanerDeviceId }))) {
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

  takeBack(id: number, body: LoanerReturnBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
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
        const sims = await manager.findBy(SimCardEntity, { id: In(ticket.loanerSimIds), deviceId: loaner });
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

  /** Moves every SIM in the broken device into the same slot of the loaner; returns their ids. */
  private async moveSims(
    manager: EntityManager,
    actor: Actor,
    now: Date,
    from: number,
    to: number,
  ): Promise<number[]> {
    const sims = await manager.find(SimCardEntity, { where: { deviceId: from }, order: { slot: 'ASC' } });
    for (const sim of sims) {
      await this.moveSim.execute(sim.id, { deviceId: to, slot: sim.slot as 1 | 2 }, actor, now, manager);
    }
    return sims.map((s) => s.id);
  }

  /** The device the SIMs go back into: the replacement, else the repaired device unless it is retired. */
  private async simTarget(manager: EntityManager, ticket: RepairTicketEntity): Promise<number> {
    const target = ticket.replacementDeviceId ?? ticket.deviceId;
    const device = await manager.findOneByOrFail(DeviceEntity, { id: target });
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
