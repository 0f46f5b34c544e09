import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeaseEndCheckEntity } from '@fleet/server/persistence';
import { type DataSource, type DeepPartial, type EntityManager, In } from 'typeorm';

/**
 * The lease-end checklists (one per device): the only lease-end code that touches TypeORM; the device's
 * ownership goes through DeviceStore. The platform's ReadService reads checklists on `dataSource`.
 */
@Injectable()
export class LeaseEndStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The checklists of the devices (a device has one at most). */
  checksOf(deviceIds: readonly number[]): Promise<LeaseEndCheckEntity[]> {
    return this.dataSource.manager.findBy(LeaseEndCheckEntity, { deviceId: In([...deviceIds]) });
  }

  /** The device's checklist locked in the caller's transaction, if it has one. */
  lockCheck(manager: EntityManager, deviceId: number): Promise<LeaseEndCheckEntity | null> {
    return manager.findOne(LeaseEndCheckEntity, { where: { deviceId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes the values given onto the device's checklist (`existing`), or a new one. */
  saveCheck(
    manager: EntityManager,
    deviceId: number,
    existing: LeaseEndCheckEntity | null,
    values: DeepPartial<LeaseEndCheckEntity>,
  ): Promise<LeaseEndCheckEntity> {
    const check = existing
      ? manager.merge(LeaseEndCheckEntity, existing, values)
      : manager.create(LeaseEndCheckEntity, { deviceId, ...values });
    return manager.save(check);
  }
}
