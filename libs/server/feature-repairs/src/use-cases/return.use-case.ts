import { Injectable } from '@nestjs/common';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { DeviceEntity, RepairTicketEntity } from '@fleet/server/persistence';
import { DEVICE_STATUS_NAMES, MoveSimUseCase, RemoveSimUseCase } from '@fleet/server/feature-inventory';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { RepairReturnBody } from '../repair-ticket.dto';
import { RepairTicketStore } from '../repair-ticket.store';
import { bad } from './repair-rules';

/**
 * The device is back: repaired (back in stock, to be handed to its holder again), replaced by a new
 * phone (the old one retired, its SIMs moved into the new one) or beyond repair (retired, its SIMs
 * taken out).
 */
@Injectable()
export class ReturnUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly moveSim: MoveSimUseCase,
    private readonly removeSim: RemoveSimUseCase,
  ) {}

  execute(id: number, body: RepairReturnBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, body.outcome);
      if (body.finalCostFen != null) ticket.costFen = body.finalCostFen;
      const sims = await this.store.simsIn(manager, ticket.deviceId);
      if (body.outcome === 'replaced') {
        const replacement = await this.replacement(manager, ticket, body.replacementDeviceId);
        ticket.replacementDeviceId = replacement.id;
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'retire');
        for (const sim of sims) {
          const to = { deviceId: replacement.id, slot: sim.slot as 1 | 2 };
          await this.moveSim.execute(sim.id, to, actor, now, manager);
        }
      } else if (body.replacementDeviceId != null) {
        throw bad(
          'replacementDeviceId',
          '只有换机时才填写新终端',
          'A replacement device is given only when replaced',
        );
      } else if (body.outcome === 'returned') {
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'repair_out');
      } else {
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'retire');
        for (const sim of sims) await this.removeSim.execute(sim.id, {}, actor, now, manager);
      }
      await this.store.transition(manager, ticket, body.outcome, actor, now, body.note || null);
    });
  }

  private async replacement(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    id: number | null | undefined,
  ): Promise<DeviceEntity> {
    if (id == null) throw bad('replacementDeviceId', '换机时须指定新终端', 'Name the replacement device');
    if (id === ticket.deviceId) {
      throw bad('replacementDeviceId', '新终端不能是送修的终端', 'The replacement must be another device');
    }
    const device = await this.store.lockDevice(manager, id);
    if (!device) throw bad('replacementDeviceId', '终端不存在', 'No such device');
    if (device.status !== 'in_stock') {
      throw ApiException.conflict(
        {
          zh: `新终端（编号 ${device.id}）状态为「${DEVICE_STATUS_NAMES[device.status].zh}」，须为在库`,
          en: `The replacement (device ${device.id}) is ${DEVICE_STATUS_NAMES[device.status].en}; it must be in stock`,
        },
        'replacementDeviceId',
      );
    }
    return device;
  }
}
