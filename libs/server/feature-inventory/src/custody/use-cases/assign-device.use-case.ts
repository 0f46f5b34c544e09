import { Injectable } from '@nestjs/common';
import type { AssignmentDto } from '@fleet/shared/contracts';
import { OrgLookupReader } from '@fleet/server/feature-org';
import type { OfficerEntity } from '@fleet/server/persistence';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DeviceStatusWriter } from '../../devices/device-status.writer';
import { DevicesService } from '../../devices/devices.service';
import { ASSIGNMENTS, CustodyStore, who } from '../custody.store';
import type { AssignBody } from '../custody.dto';
import { eventMoment } from '../event-moment';
import { custodyStatus } from './custody-status';

/** Hands a device to an officer (领用): the assignment opens, the device is assigned to them. */
@Injectable()
export class AssignDeviceUseCase {
  constructor(
    private readonly store: CustodyStore,
    private readonly devices: DevicesService,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly org: OrgLookupReader,
  ) {}

  execute(
    deviceId: number,
    body: AssignBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<AssignmentDto> {
    return this.store.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, deviceId);
      const at = eventMoment(body.at, now, device.receivedOn);
      // Locked so two handovers to one officer at once cannot both pass the one-device check.
      const officer = await this.org.lockOfficer(manager, body.officerId);
      if (!officer) {
        throw ApiException.badRequest([
          { field: 'officerId', reason: { zh: '警员不存在', en: 'No such officer' } },
        ]);
      }
      if (officer.status !== 'active') {
        throw ApiException.conflict(
          {
            zh: `警员 ${who(officer).zh} 已非在职状态，不能领用终端`,
            en: `Officer ${who(officer).en} is no longer active and cannot receive a device`,
          },
          'officerId',
        );
      }
      const open = await this.store.openAssignment(manager, deviceId);
      if (open) {
        throw ApiException.conflict({
          zh: `该终端已领用给 ${who(open.officer!).zh}`,
          en: `The device is already assigned to ${who(open.officer!).en}`,
        });
      }
      const status = custodyStatus(device, 'assign');
      if (!body.allowMultiple) await this.refuseSecondDevice(manager, officer, deviceId, at);

      const after = await this.store.open(manager, actor, ASSIGNMENTS, {
        deviceId,
        officerId: officer.id,
        startAt: at,
        endAt: null,
        startedByUserId: actor.userId,
        condition: body.condition ?? null,
        accessories: body.accessories ?? [],
        allowMultiple: body.allowMultiple ?? false,
      });
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: officer.id });
      return after;
    });
  }

  /** An officer holds one device at a time unless an admin allows more (allowMultiple). */
  private async refuseSecondDevice(
    manager: EntityManager,
    officer: OfficerEntity,
    deviceId: number,
    at: Date,
  ): Promise<void> {
    const held = await this.store.heldElsewhere(manager, officer.id, deviceId, at);
    if (held) {
      const device = `${held.device!.model}（编号 ${held.deviceId}，IMEI1 ${held.device!.imei1}）`;
      throw ApiException.conflict(
        {
          zh: `警员 ${who(officer).zh} 已持有终端 ${device}；如确需多台，请勾选“允许多台”`,
          en: `Officer ${who(officer).en} already holds device ${held.device!.model} (id ${held.deviceId}, IMEI 1 ${held.device!.imei1}); set allowMultiple to allow more`,
        },
        'officerId',
      );
    }
  }
}
