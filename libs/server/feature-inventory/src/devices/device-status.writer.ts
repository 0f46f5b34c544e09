import { Injectable } from '@nestjs/common';
import type { DeviceStatus } from '@fleet/domain/inventory';
import type { DeviceStatusValue } from '@fleet/shared/contracts';
import { DeviceEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, type LocalizedText } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';

export const DEVICE_STATUS_NAMES: Record<DeviceStatusValue, LocalizedText> = {
  in_stock: { zh: '在库', en: 'in stock' },
  assigned: { zh: '已领用', en: 'assigned' },
  in_repair: { zh: '维修中', en: 'in repair' },
  lost: { zh: '丢失', en: 'lost' },
  retired: { zh: '已报废', en: 'retired' },
};

/** A device's new status, and its holder when that changes too (left as it is when not given). */
export interface DeviceStatusChange {
  status: DeviceStatus;
  currentOfficerId?: number | null;
}

/**
 * The one writer of a device's status and current holder (custody, lost reports and repairs move
 * them): the change and its audit row, with the status and holder before and after, in the caller's
 * transaction. Which moves are allowed is the domain's rule (`nextDeviceStatus`); the caller checks it
 * and words its own refusal.
 */
@Injectable()
export class DeviceStatusWriter {
  constructor(private readonly audit: AuditService) {}

  /** The device locked for a status change in the caller's transaction; 404 when there is none. */
  async lock(manager: EntityManager, id: number): Promise<DeviceEntity> {
    const device = await manager.findOne(DeviceEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!device) throw ApiException.notFound('devices', id);
    return device;
  }

  /** Writes the change; `reason` (say `repair repair_in`) is kept in the audit row's after. */
  async write(
    manager: EntityManager,
    actor: Actor,
    device: DeviceEntity,
    change: DeviceStatusChange,
    reason?: string,
  ): Promise<void> {
    const before = { status: device.status, currentOfficerId: device.currentOfficerId };
    const after = { ...before, ...change };
    await manager.update(DeviceEntity, device.id, after);
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: 'devices',
      resourceId: device.id,
      before,
      after: reason === undefined ? after : { ...after, reason },
    });
  }
}
