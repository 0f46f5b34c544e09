/**
 * Helpers for the inventory's integration tests: valid identifiers, terse requests, and records written
 * straight to the database.
 */
import { luhnCheckDigit } from '@fleet/domain/identifiers';
import { warrantyEndOn } from '@fleet/domain/inventory';
import {
  AssignmentEntity,
  createDataSource,
  DeviceEntity,
  OfficerEntity,
  SimCardEntity,
  SimInstallationEntity,
  UnitEntity,
} from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';

/** What the helpers need of tools/test's ApiClient. */
export interface Requester {
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A payload with its Luhn check digit: a valid IMEI or ICCID. */
export const withLuhn = (payload: string) => `${payload}${luhnCheckDigit(payload)}`;

let serial = 0;
/** A fresh pair of valid IMEIs and a serial number. */
export function deviceIdentity() {
  serial += 1;
  const base = `86791206${String(serial).padStart(4, '0')}`;
  return { imei1: withLuhn(`${base}00`), imei2: withLuhn(`${base}10`), serialNumber: `HWTEST${serial}` };
}

let simSerial = 0;
export function simIdentity() {
  simSerial += 1;
  return {
    iccid: withLuhn(`898600000000${String(simSerial).padStart(7, '0')}`),
    msisdn: `1478${String(simSerial).padStart(7, '0')}`,
  };
}

export async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Sends a request and fails with the answer's body when the status is not the one expected. */
export async function expectStatus<T = unknown>(
  client: Requester,
  status: number,
  method: string,
  path: string,
  payload?: unknown,
): Promise<T> {
  const response = await client.request(method, path, payload);
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`${method} ${path}: want ${status}, got ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const filterQuery = (filter: object, extra: Record<string, string> = {}) =>
  `?${new URLSearchParams({ filter: JSON.stringify(filter), ...extra }).toString()}`;

/**
 * Test data written straight to the database (integration tests of lost reports, lease end and
 * stocktakes), so they do not depend on the device and custody routes.
 */
export class InventoryFixtures {
  private seq = 0;

  private constructor(readonly db: DataSource) {}

  static async connect(databaseUrl: string): Promise<InventoryFixtures> {
    return new InventoryFixtures(await createDataSource(databaseUrl).initialize());
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** A valid IMEI, different on every call. */
  imei(): string {
    this.seq += 1;
    return withLuhn(`86${String(Date.now() % 1e6).padStart(6, '0')}${String(this.seq).padStart(6, '0')}`);
  }

  async unit(name: string, parentId: number | null = null): Promise<UnitEntity> {
    return this.db.manager.save(this.db.manager.create(UnitEntity, { name, parentId }));
  }

  async officer(unitId: number): Promise<OfficerEntity> {
    this.seq += 1;
    const badgeNo = String(700000 + this.seq);
    return this.db.manager.save(
      this.db.manager.create(OfficerEntity, { badgeNo, name: `警员${badgeNo}`, unitId }),
    );
  }

  async device(values: Partial<DeviceEntity> = {}): Promise<DeviceEntity> {
    const receivedOn = values.receivedOn ?? '2025-11-20';
    return this.db.manager.save(
      this.db.manager.create(DeviceEntity, {
        model: 'HUAWEI Mate60',
        imei1: this.imei(),
        imei2: this.imei(),
        receivedOn,
        warrantyEndOn: warrantyEndOn(receivedOn),
        leaseStartOn: '2025-11-25',
        leaseEndOn: '2028-11-25',
        ...values,
      }),
    );
  }

  /** Hands a device to an officer as custody would: an open assignment and the device's holder and status. */
  async assign(device: DeviceEntity, officerId: number): Promise<void> {
    await this.db.manager.save(
      this.db.manager.create(AssignmentEntity, {
        deviceId: device.id,
        officerId,
        startAt: new Date('2025-12-01T09:00:00+08:00'),
      }),
    );
    await this.db.manager.update(DeviceEntity, device.id, {
      currentOfficerId: officerId,
      status: 'assigned',
    });
  }

  /** An active SIM installed in a device's slot. */
  async sim(deviceId: number, slot: 1 | 2): Promise<SimCardEntity> {
    this.seq += 1;
    const n = String(this.seq).padStart(8, '0');
    const sim = await this.db.manager.save(
      this.db.manager.create(SimCardEntity, {
        iccid: withLuhn(`898600${String(Date.now() % 1e5).padStart(5, '0')}${n}`),
        msisdn: `139${n}`,
        status: 'active',
        activatedOn: '2025-11-25',
        deviceId,
        slot,
      }),
    );
    await this.db.manager.save(
      this.db.manager.create(SimInstallationEntity, {
        simId: sim.id,
        deviceId,
        slot,
        startAt: new Date('2025-11-25T09:00:00+08:00'),
      }),
    );
    return sim;
  }

  /** The audit rows of a resource record, oldest first. */
  audit(
    resource: string,
    resourceId: number,
  ): Promise<{ action: string; username: string; before: unknown; after: unknown }[]> {
    return this.db.query(
      'SELECT action, username, before, after FROM audit_log WHERE resource = $1 AND resource_id = $2 ORDER BY id',
      [resource, String(resourceId)],
    );
  }
}

/** The contract's plan (§1): ¥272.50 a month, 1500 minutes, 20 GB national and 50 GB APN data, 100 SMS. */
export const contractPlan = () => ({
  name: '警务通合约套餐',
  monthlyFeeFen: 27250,
  voiceMin: 1500,
  nationalKb: 20 * 1024 * 1024,
  apnKb: 50 * 1024 * 1024,
  sms: 100,
  termMonths: 36,
});
