import { Injectable } from '@nestjs/common';
import type { SimInstallationDto } from '@fleet/shared/contracts';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { SimCardsService } from '../../sim-cards/sim-cards.service';
import { CustodyStore, INSTALLATIONS } from '../custody.store';
import type { RemoveBody } from '../custody.dto';
import { eventMoment, requireAfter } from '../event-moment';

/** Takes a SIM out of its device (取卡): the installation ends, the SIM is in no slot. */
@Injectable()
export class RemoveSimUseCase {
  constructor(
    private readonly store: CustodyStore,
    private readonly sims: SimCardsService,
  ) {}

  execute(
    simId: number,
    body: RemoveBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<SimInstallationDto> {
    return this.store.run(within, async (manager) => {
      const sim = await this.sims.lockForUpdate(manager, simId);
      const open = await this.store.openInstallation(manager, { simId });
      if (!open)
        throw ApiException.conflict({ zh: '该号卡不在任何终端中', en: 'The SIM is not in a device' });
      const at = eventMoment(body.at, now, open.device!.receivedOn);
      requireAfter(at, open.startAt, { zh: '装卡时间', en: 'the installation' });
      const after = await this.store.changeInterval(manager, actor, INSTALLATIONS, open, {
        endAt: at,
        endedByUserId: actor.userId,
      });
      await this.store.moveSim(manager, actor, sim, { deviceId: null, slot: null });
      return after;
    });
  }
}
