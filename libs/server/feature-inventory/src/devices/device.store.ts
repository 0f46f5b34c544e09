import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StocktakeDevice } from '@fleet/domain/inventory';
import { DeviceEntity } from '@fleet/server/persistence';
import { entityNames, type ExportLookup } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { VisibleRows } from '../shared/visible-rows.reader';

// An officer login sees the device it holds.
const OWN = 'e.currentOfficerId = :scope';

// Serializes writes of device identities: the unique indexes cover each IMEI column alone, not one
// device's IMEI 2 against another's IMEI 1, so that check must not race with a concurrent write.
const IMEI_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1))';

/**
 * The devices table as inventory's own services read and write it (other features read it through
 * InventoryLookupReader; the status and holder only DeviceStatusWriter writes). The platform's
 * CrudService writes a device's own fields, with their audit row, on `dataSource`.
 */
@Injectable()
export class DeviceStore {
  /** The devices an actor may see: an officer login only the one it holds. */
  readonly visible: VisibleRows<DeviceEntity>;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.visible = new VisibleRows(dataSource, DeviceEntity, 'devices', OWN);
  }

  /** Taken before an IMEI is checked and written, until the caller's transaction ends. */
  async lockImeis(manager: EntityManager): Promise<void> {
    await manager.query(IMEI_LOCK, ['devices.imei']);
  }

  withSerialNumber(manager: EntityManager, serialNumber: string): Promise<DeviceEntity | null> {
    return manager.findOneBy(DeviceEntity, { serialNumber });
  }

  byIds(ids: readonly number[]): Promise<DeviceEntity[]> {
    return this.dataSource.manager.findBy(DeviceEntity, { id: In([...ids]) });
  }

  /** Devices whose lease has ended by `asOf`, the earliest first. */
  leaseEndedBy(asOf: string): Promise<DeviceEntity[]> {
    return this.dataSource.manager.find(DeviceEntity, {
      where: { leaseEndOn: LessThanOrEqual(asOf) },
      order: { leaseEndOn: 'ASC', id: 'ASC' },
    });
  }

  /** The devices locked in the caller's transaction; ids without a device are left out. */
  lockAll(manager: EntityManager, ids: readonly number[]): Promise<DeviceEntity[]> {
    return manager.find(DeviceEntity, { where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' } });
  }

  /** The device becomes the bureau's (clause 4.5); the caller writes the audit row. */
  async transferToBureau(manager: EntityManager, id: number): Promise<void> {
    await manager.update(DeviceEntity, id, { ownership: 'bureau' });
  }

  /** Every device with its unit and holder, for stocktakeExpected (the holder's unit added by the caller). */
  forStocktake(manager: EntityManager): Promise<(Omit<StocktakeDevice, 'holderUnitId'> & HeldBy)[]> {
    return manager
      .createQueryBuilder(DeviceEntity, 'd')
      .select([
        'd.id AS id',
        'd.status AS status',
        'd.unit_id AS "unitId"',
        'd.current_officer_id AS "currentOfficerId"',
      ])
      .getRawMany();
  }

  /** Devices named next to their ids in other lists' exports: model and IMEI 1. */
  names(): ExportLookup {
    return entityNames(this.dataSource, DeviceEntity, (d) => `${d.model} ${d.imei1}`);
  }
}

interface HeldBy {
  currentOfficerId: number | null;
}
