import { Injectable } from '@nestjs/common';
import { nextDeviceStatus } from '@fleet/domain/inventory';
import type { AssignmentEntity, SimInstallationEntity } from '@fleet/server/persistence';
import type { Actor } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DeviceStatusWriter } from '../../devices/device-status.writer';
import { DevicesService } from '../../devices/devices.service';
import { SimCardsService } from '../../sim-cards/sim-cards.service';
import { CustodyStore, type IntervalKind } from '../custody.store';
import type { VoidBody } from '../custody.dto';

/**
 * Corrects a mistaken handover or installation: the record is kept, marked void; if it was the open
 * one, what it held is let go (nobody holds the device; the SIM is in no slot).
 */
@Injectable()
export class VoidCustodyUseCase {
  constructor(
    private readonly store: CustodyStore,
    private readonly devices: DevicesService,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly sims: SimCardsService,
  ) {}

  execute<E extends AssignmentEntity | SimInstallationEntity, D>(
    kind: IntervalKind<E, D>,
    id: number,
    body: VoidBody,
    actor: Actor,
    now: Date,
  ): Promise<D> {
    return this.store.run(undefined, async (manager) => {
      const interval = await this.store.lockInterval(manager, kind, id);
      const wasOpen = interval.endAt === null;
      const after = await this.store.changeInterval(manager, actor, kind, interval, {
        voidedAt: now,
        voidReason: body.reason,
        voidedByUserId: actor.userId,
      } as Partial<E>);
      if (wasOpen) await this.letGo(manager, actor, kind.resource, interval);
      return after;
    });
  }

  private async letGo(
    manager: EntityManager,
    actor: Actor,
    resource: IntervalKind<never, unknown>['resource'],
    interval: AssignmentEntity | SimInstallationEntity,
  ): Promise<void> {
    if (resource === 'assignments') {
      const device = await this.devices.lockForUpdate(manager, interval.deviceId);
      await this.deviceStatus.write(manager, actor, device, {
        status: nextDeviceStatus(device.status, 'return') ?? device.status,
        currentOfficerId: null,
      });
    } else {
      const sim = await this.sims.lockForUpdate(manager, (interval as SimInstallationEntity).simId);
      await this.store.moveSim(manager, actor, sim, { deviceId: null, slot: null });
    }
  }
}
