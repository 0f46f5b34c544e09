import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { type CustodyInterval, holderAt, SIM_SLOTS } from '@fleet/domain/inventory';
import type { DeviceHolderAtDto, DeviceSimsAtDto, TimelineEntryDto } from '@fleet/shared/contracts';
import { OrgLookupReader } from '@fleet/server/feature-org';
import {
  type Actor,
  ApiException,
  chinaDateTime,
  type PrintDocument,
  UserNamesReader,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { InventoryLookupReader } from '../inventory-lookup.reader';
import { LeaseEndStore } from '../lease-end/lease-end.store';
import { LostReportStore } from '../lost/lost-report.store';
import { SimCardStore } from '../sim-cards/sim-card.store';
import { CustodyReader } from './custody.reader';
import { type ReceiptData, renderReceipt } from './receipt.html';

/** Custody rows as the domain's intervals, each holding its own row. */
const intervalsOf = <R extends { startAt: Date; endAt: Date | null; voidedAt: Date | null }>(
  rows: readonly R[],
): CustodyInterval<R>[] =>
  rows.map((row) => ({ holder: row, start: row.startAt, end: row.endAt, voided: row.voidedAt !== null }));

/**
 * Custody history: "who held the device at T", "which SIMs were in it at T", a device's
 * timeline and the handover receipt. Billing asks holderAt/simsAt for a record's moment.
 */
@Injectable()
export class CustodyHistoryService {
  constructor(
    private readonly custody: CustodyReader,
    private readonly inventory: InventoryLookupReader,
    private readonly sims: SimCardStore,
    private readonly lostReports: LostReportStore,
    private readonly leaseEnd: LeaseEndStore,
    private readonly org: OrgLookupReader,
    private readonly users: UserNamesReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who held the device at `at` (start inclusive, end exclusive; voided intervals never count). */
  async holderAt(deviceId: number, at: Date, manager?: EntityManager): Promise<DeviceHolderAtDto> {
    await this.requireDevice(deviceId, manager);
    const rows = await this.custody.assignmentsOf(deviceId, manager);
    const found = holderAt(intervalsOf(rows), at);
    return {
      deviceId,
      at: at.toISOString(),
      officerId: found?.officerId ?? null,
      assignmentId: found?.id ?? null,
    };
  }

  /** The SIMs in the device at `at`, one per slot at most. */
  async simsAt(deviceId: number, at: Date, manager?: EntityManager): Promise<DeviceSimsAtDto> {
    await this.requireDevice(deviceId, manager);
    const rows = await this.custody.installationsOf(deviceId, manager);
    const sims = SIM_SLOTS.flatMap((slot) => {
      const found = holderAt(intervalsOf(rows.filter((r) => r.slot === slot)), at);
      return found ? [{ simId: found.simId, slot, installationId: found.id }] : [];
    });
    return { deviceId, at: at.toISOString(), sims };
  }

  /** Everything that happened to the device, newest first, voided records shown with their voiding. */
  async timeline(deviceId: number): Promise<TimelineEntryDto[]> {
    await this.requireDevice(deviceId);
    const [assignments, installations, lost, leaseEnd] = await Promise.all([
      this.custody.assignmentsOf(deviceId),
      this.custody.installationsOf(deviceId),
      this.lostReports.ofDevice(deviceId),
      this.leaseEnd.checksOf([deviceId]),
    ]);
    const userIds = [...assignments, ...installations].flatMap((i) => [
      i.startedByUserId,
      i.endedByUserId,
      i.voidedByUserId,
    ]);
    const users = await this.users.usernames([...userIds, ...leaseEnd.map((c) => c.transferredByUserId)]);
    const by = (id: number | null) => (id === null ? null : (users.get(id) ?? null));
    const entry = (
      at: Date,
      kind: TimelineEntryDto['kind'],
      fields: Partial<Omit<TimelineEntryDto, 'at' | 'kind'>>,
    ): TimelineEntryDto => ({
      at: at.toISOString(),
      kind,
      officerId: null,
      simId: null,
      slot: null,
      note: null,
      byUsername: null,
      ...fields,
    });
    const entries: TimelineEntryDto[] = [];
    for (const a of assignments) {
      const officerId = a.officerId;
      entries.push(
        entry(a.startAt, 'assigned', { officerId, note: a.condition, byUsername: by(a.startedByUserId) }),
      );
      if (a.endAt) {
        entries.push(
          entry(a.endAt, 'returned', { officerId, note: a.returnCondition, byUsername: by(a.endedByUserId) }),
        );
      }
      if (a.voidedAt) {
        entries.push(
          entry(a.voidedAt, 'voided', { officerId, note: a.voidReason, byUsername: by(a.voidedByUserId) }),
        );
      }
    }
    for (const i of installations) {
      const sim = { simId: i.simId, slot: i.slot };
      entries.push(entry(i.startAt, 'sim_installed', { ...sim, byUsername: by(i.startedByUserId) }));
      if (i.endAt) entries.push(entry(i.endAt, 'sim_removed', { ...sim, byUsername: by(i.endedByUserId) }));
      if (i.voidedAt) {
        entries.push(
          entry(i.voidedAt, 'voided', { ...sim, note: i.voidReason, byUsername: by(i.voidedByUserId) }),
        );
      }
    }
    for (const r of lost) {
      entries.push(
        entry(r.reportedAt, 'lost_reported', {
          officerId: r.reportedByOfficerId,
          note: [r.kind === 'stolen' ? '被盗' : '丢失', r.policeCaseNo, r.circumstances]
            .filter(Boolean)
            .join('；'),
        }),
      );
      if (r.foundAt) entries.push(entry(r.foundAt, 'found', {}));
    }
    for (const c of leaseEnd) {
      if (c.transferredAt) {
        entries.push(
          entry(c.transferredAt, 'ownership_transferred', {
            note: c.assetNo,
            byUsername: by(c.transferredByUserId),
          }),
        );
      }
    }
    return entries.sort((a, b) => b.at.localeCompare(a.at));
  }

  /** The printable handover receipt (领用签收单) of an assignment. */
  async receipt(actor: Actor, id: number): Promise<PrintDocument> {
    const a = await this.custody.visibleAssignment(actor, id);
    const [device, officer] = await Promise.all([
      this.inventory.device(a.deviceId),
      this.org.officerOrFail(a.officerId),
    ]);
    const units = await this.org.unitPath(officer.unitId);
    const atStart = await this.simsAt(a.deviceId, a.startAt);
    const sims = await this.sims.byIds(atStart.sims.map((s) => s.simId));
    const users = await this.users.usernames([a.startedByUserId]);
    const data: ReceiptData = {
      assignmentId: a.id,
      bureau: this.config.documents.bureauName,
      unitPath: units.map((u) => u.name),
      officerName: officer.name,
      badgeNo: officer.badgeNo,
      model: device.model,
      imei1: device.imei1,
      imei2: device.imei2,
      serialNumber: device.serialNumber,
      sims: atStart.sims.map((s) => {
        const sim = sims.find((c) => c.id === s.simId)!;
        return { slot: s.slot, iccid: sim.iccid, msisdn: sim.msisdn };
      }),
      condition: a.condition,
      accessories: a.accessories,
      handedOverAt: chinaDateTime(a.startAt),
      handedOverBy: a.startedByUserId === null ? null : (users.get(a.startedByUserId) ?? null),
      acceptedAt: a.acceptedAt ? chinaDateTime(a.acceptedAt) : null,
      returnedAt: a.endAt ? chinaDateTime(a.endAt) : null,
      voided: a.voidedAt ? { at: chinaDateTime(a.voidedAt), reason: a.voidReason ?? '' } : null,
    };
    return renderReceipt(data);
  }

  private async requireDevice(id: number, manager?: EntityManager): Promise<void> {
    if (!(await this.inventory.deviceExists(id, manager))) throw ApiException.notFound('devices', id);
  }
}
