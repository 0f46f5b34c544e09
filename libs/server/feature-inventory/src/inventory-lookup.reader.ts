import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AssignmentEntity, DeviceEntity, SimCardEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, type FindOptionsOrder, In, IsNull } from 'typeorm';

/**
 * Inventory's tables (devices, SIM cards, assignments) as other features read them: the repairs, the
 * contract's SLA credits and outages, the daily alerts. Each read takes the caller's transaction's
 * manager when it has one.
 */
@Injectable()
export class InventoryLookupReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private of(manager: EntityManager | undefined): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Every device (the alerts look at them all). */
  devices(manager?: EntityManager): Promise<DeviceEntity[]> {
    return this.of(manager).find(DeviceEntity);
  }

  device(id: number, manager?: EntityManager): Promise<DeviceEntity> {
    return this.of(manager).findOneByOrFail(DeviceEntity, { id });
  }

  deviceExists(id: number, manager?: EntityManager): Promise<boolean> {
    return this.of(manager).existsBy(DeviceEntity, { id });
  }

  /** The device with the IMEI in either slot, or null. */
  deviceByImei(imei: string, manager?: EntityManager): Promise<DeviceEntity | null> {
    return this.of(manager).findOne(DeviceEntity, { where: [{ imei1: imei }, { imei2: imei }] });
  }

  /** The device locked for the caller's change in its transaction, or null when there is none. */
  lockDevice(manager: EntityManager, id: number): Promise<DeviceEntity | null> {
    return manager.findOne(DeviceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The first IMEI of each device asked for. */
  async imeis(deviceIds: number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (!deviceIds.length) return new Map();
    const devices = await this.of(manager).findBy(DeviceEntity, { id: In([...new Set(deviceIds)]) });
    return new Map(devices.map((d) => [d.id, d.imei1]));
  }

  /** The ids of the devices whose IMEI (either slot) matches a LIKE pattern. */
  async deviceIdsMatchingImei(pattern: string, manager?: EntityManager): Promise<number[]> {
    const rows: { id: number }[] = await this.of(manager).query(
      `SELECT id FROM devices WHERE imei1 LIKE $1 OR imei2 LIKE $1`,
      [pattern],
    );
    return rows.map((r) => r.id);
  }

  /** The SIMs in the devices the officer holds now, by device and slot (billing's usage views). */
  heldSims(
    officerId: number,
    manager?: EntityManager,
  ): Promise<{ simId: number; deviceId: number; slot: number | null }[]> {
    return this.of(manager).query(
      `SELECT s.id AS "simId", s.device_id AS "deviceId", s.slot
         FROM sim_cards s JOIN devices d ON d.id = s.device_id
        WHERE d.current_officer_id = $1
        ORDER BY s.device_id, s.slot, s.id`,
      [officerId],
    );
  }

  /** The number of each SIM asked for, by id. */
  async msisdns(simIds: readonly number[], manager?: EntityManager): Promise<Map<number, string>> {
    if (!simIds.length) return new Map();
    const rows: { id: number; msisdn: string }[] = await this.of(manager).query(
      'SELECT id, msisdn FROM sim_cards WHERE id = ANY($1::int[])',
      [[...new Set(simIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.msisdn]));
  }

  /** Every SIM card (the alerts look at them all). */
  sims(manager?: EntityManager): Promise<SimCardEntity[]> {
    return this.of(manager).find(SimCardEntity);
  }

  /** Every SIM card's id and number, by id. */
  simNumbers(manager?: EntityManager): Promise<{ id: number; msisdn: string }[]> {
    return this.of(manager).find(SimCardEntity, { select: { id: true, msisdn: true }, order: { id: 'ASC' } });
  }

  /** Those of the ids that are SIM cards. */
  async existingSimIds(ids: number[], manager?: EntityManager): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const found = await this.of(manager).findBy(SimCardEntity, { id: In(ids) });
    return new Set(found.map((s) => s.id));
  }

  /** The SIMs in a device. */
  simsIn(
    deviceId: number,
    order?: FindOptionsOrder<SimCardEntity>,
    manager?: EntityManager,
  ): Promise<SimCardEntity[]> {
    return this.of(manager).find(SimCardEntity, { where: { deviceId }, ...(order ? { order } : {}) });
  }

  /** Those of the SIMs that are still in the device. */
  simsByIds(ids: number[], deviceId: number, manager?: EntityManager): Promise<SimCardEntity[]> {
    return this.of(manager).findBy(SimCardEntity, { id: In(ids), deviceId });
  }

  /** The device's open (not ended, not voided) assignment, if any. */
  openAssignment(deviceId: number, manager?: EntityManager): Promise<AssignmentEntity | null> {
    return this.of(manager).findOne(AssignmentEntity, {
      where: { deviceId, endAt: IsNull(), voidedAt: IsNull() },
    });
  }
}
