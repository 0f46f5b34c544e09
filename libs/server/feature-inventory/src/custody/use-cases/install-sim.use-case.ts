import { Injectable } from '@nestjs/common';
import type { SimInstallationDto } from '@fleet/shared/contracts';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DevicesService } from '../../devices/devices.service';
import { SimCardsService } from '../../sim-cards/sim-cards.service';
import { CustodyStore, INSTALLATIONS } from '../custody.store';
import type { InstallBody } from '../custody.dto';
import { eventMoment } from '../event-moment';

/** Puts a SIM in a device's slot (装卡): the installation opens, the SIM is in that slot. */
@Injectable()
export class InstallSimUseCase {
  constructor(
    private readonly store: CustodyStore,
    private readonly devices: DevicesService,
    private readonly sims: SimCardsService,
  ) {}

  execute(
    simId: number,
    body: InstallBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<SimInstallationDto> {
    return this.store.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, body.deviceId).catch(() => {
        throw ApiException.badRequest([
          { field: 'deviceId', reason: { zh: '终端不存在', en: 'No such device' } },
        ]);
      });
      const sim = await this.sims.lockForUpdate(manager, simId);
      if (sim.status === 'terminated') {
        throw ApiException.conflict({ zh: '该号卡已销户，不能装入终端', en: 'The SIM is terminated' });
      }
      if (device.status === 'retired') {
        throw ApiException.conflict({ zh: '该终端已报废', en: 'The device is retired' }, 'deviceId');
      }
      const at = eventMoment(body.at, now, device.receivedOn);
      const current = await this.store.openInstallation(manager, { simId });
      if (current) {
        throw ApiException.conflict({
          zh: `该号卡已装在终端编号 ${current.deviceId} 的卡槽 ${current.slot}，请先取出`,
          en: `The SIM is in slot ${current.slot} of device ${current.deviceId}; remove it first`,
        });
      }
      const occupant = await this.store.openInstallation(manager, { deviceId: device.id, slot: body.slot });
      if (occupant) {
        throw ApiException.conflict(
          {
            zh: `终端卡槽 ${body.slot} 已有号卡 ${occupant.sim!.msisdn}（编号 ${occupant.simId}）`,
            en: `Slot ${body.slot} already holds SIM ${occupant.sim!.msisdn} (id ${occupant.simId})`,
          },
          'slot',
        );
      }
      const after = await this.store.open(manager, actor, INSTALLATIONS, {
        simId,
        deviceId: device.id,
        slot: body.slot,
        startAt: at,
        endAt: null,
        startedByUserId: actor.userId,
      });
      await this.store.moveSim(manager, actor, sim, { deviceId: device.id, slot: body.slot });
      return after;
    });
  }
}
