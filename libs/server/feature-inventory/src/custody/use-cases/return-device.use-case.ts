import { Injectable } from '@nestjs/common';
import type { AssignmentDto } from '@fleet/shared/contracts';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DEVICE_STATUS_NAMES, DeviceStatusWriter } from '../../devices/device-status.writer';
import { DevicesService } from '../../devices/devices.service';
import { ASSIGNMENTS, CustodyStore } from '../custody.store';
import type { ReturnBody } from '../custody.dto';
import { eventMoment, requireAfter } from '../event-moment';
import { custodyStatus } from './custody-status';

/** Takes a device back from its holder (归还): the assignment ends, the device is back in stock. */
@Injectable()
export class ReturnDeviceUseCase {
  constructor(
    private readonly store: CustodyStore,
    private readonly devices: DevicesService,
    private readonly deviceStatus: DeviceStatusWriter,
  ) {}

  execute(
    deviceId: number,
    body: ReturnBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<AssignmentDto> {
    return this.store.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, deviceId);
      const open = await this.store.openAssignment(manager, deviceId);
      if (!open) {
        throw ApiException.conflict({
          zh: `该终端当前未被领用（状态：${DEVICE_STATUS_NAMES[device.status].zh}）`,
          en: `The device is not assigned (status: ${DEVICE_STATUS_NAMES[device.status].en})`,
        });
      }
      const status = custodyStatus(device, 'return');
      const at = eventMoment(body.at, now, device.receivedOn);
      requireAfter(at, open.startAt, { zh: '领用时间', en: 'the handover' });
      const after = await this.store.changeInterval(manager, actor, ASSIGNMENTS, open, {
        endAt: at,
        endedByUserId: actor.userId,
        returnCondition: body.condition ?? null,
      });
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: null });
      return after;
    });
  }
}
