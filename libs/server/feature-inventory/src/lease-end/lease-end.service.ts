import { Injectable } from '@nestjs/common';
import { chinaDateOf, type LeaseTransferOutcome, leaseTransferOutcome } from '@fleet/domain/inventory';
import type { LeaseEndCheckDto, LeaseEndDeviceDto, LeaseEndTransferResultDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { type DeviceEntity, LeaseEndCheckEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  type Lang,
  type ListSpec,
  type LocalizedText,
  ReadService,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DeviceStore } from '../devices/device.store';
import type { LeaseEndCheckBody, LeaseEndTransferBody } from './lease-end.dto';
import { LeaseEndStore } from './lease-end.store';

export const LEASE_END_CHECK_LIST: ListSpec = {
  resource: 'lease-end-checks',
  sortable: ['id', 'deviceId', 'workspaceWipedAt', 'registeredAsAssetAt', 'transferredAt'],
  defaultSort: ['deviceId', 'ASC'],
  filters: { deviceId: { property: 'deviceId', type: 'int' } },
  search: ['assetNo', 'condition'],
};

const RESOURCE = LEASE_END_CHECK_LIST.resource;

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;
const moment = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(value);

function toDto(c: LeaseEndCheckEntity): LeaseEndCheckDto {
  return {
    id: c.id,
    deviceId: c.deviceId,
    condition: c.condition,
    workspaceWipedAt: iso(c.workspaceWipedAt),
    registeredAsAssetAt: iso(c.registeredAsAssetAt),
    assetNo: c.assetNo,
    transferredAt: iso(c.transferredAt),
  };
}

/** The start of a China calendar day as a moment: ownership passes on a day, not at an hour. */
const startOfChinaDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Clause 4.5: leased devices become the bureau's at the end of the lease. Lists the devices due, keeps
 * the per-device checklist and transfers ownership, each device audited.
 */
@Injectable()
export class LeaseEndService extends ReadService<LeaseEndCheckEntity, LeaseEndCheckDto> {
  constructor(
    private readonly store: LeaseEndStore,
    private readonly devicesStore: DeviceStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    super(store.dataSource, LeaseEndCheckEntity, LEASE_END_CHECK_LIST);
  }

  protected toDto(check: LeaseEndCheckEntity): LeaseEndCheckDto {
    return toDto(check);
  }

  /** Devices whose lease has ended by `asOf` (already transferred ones included), with their checklist. */
  async devices(asOf = chinaDateOf(this.clock.now())): Promise<LeaseEndDeviceDto[]> {
    const devices = await this.devicesStore.leaseEndedBy(asOf);
    const checks = await this.store.checksOf(devices.map((d) => d.id));
    const byDevice = new Map(checks.map((c) => [c.deviceId, toDto(c)]));
    return devices.map((d) => ({
      deviceId: d.id,
      model: d.model,
      imei1: d.imei1,
      leaseEndOn: d.leaseEndOn ?? asOf,
      ownership: d.ownership,
      status: d.status,
      currentOfficerId: d.currentOfficerId,
      check: byDevice.get(d.id) ?? null,
    }));
  }

  /** Creates or updates the device's checklist; fields not sent stay as they are. */
  upsertCheck(deviceId: number, body: LeaseEndCheckBody, actor: Actor): Promise<LeaseEndCheckDto> {
    return this.store.transaction(async (manager) => {
      // The device row locked first: two first writes of its checklist take turns, the second updates.
      const [device] = await this.devicesStore.lockAll(manager, [deviceId]);
      if (!device) throw ApiException.notFound('devices', deviceId);
      const existing = await this.store.lockCheck(manager, deviceId);
      const before = existing ? toDto(existing) : undefined;
      const values: Partial<LeaseEndCheckEntity> = {
        condition: body.condition === undefined ? undefined : body.condition || null,
        workspaceWipedAt: moment(body.workspaceWipedAt),
        registeredAsAssetAt: moment(body.registeredAsAssetAt),
        assetNo: body.assetNo === undefined ? undefined : body.assetNo || null,
      };
      const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      const saved = await this.store.saveCheck(manager, deviceId, existing, defined);
      const after = toDto(saved);
      await this.audit.record(manager, {
        actor,
        action: existing ? 'update' : 'create',
        resource: RESOURCE,
        resourceId: saved.id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Transfers each device whose lease has ended by `on` to the bureau, in one transaction with one audit
   * row per device; every other device is answered with its reason, never skipped silently.
   */
  async transfer(body: LeaseEndTransferBody, actor: Actor, lang: Lang): Promise<LeaseEndTransferResultDto> {
    const { on } = body;
    if (on > chinaDateOf(this.clock.now())) {
      throw ApiException.badRequest([
        {
          field: 'on',
          reason: { zh: '移交日期不能晚于今天', en: 'The transfer date cannot be after today' },
        },
      ]);
    }
    const ids = [...new Set(body.deviceIds)];
    const results = await this.store.transaction(async (manager) => {
      const devices = await this.devicesStore.lockAll(manager, ids);
      const byId = new Map(devices.map((d) => [d.id, d]));
      const out: LeaseEndTransferResultDto['results'] = [];
      for (const deviceId of ids) {
        const device = byId.get(deviceId);
        const outcome = device ? leaseTransferOutcome(device, on) : 'not_found';
        if (outcome === 'transfer' && device) await this.transferOne(manager, device, on, actor);
        const reason = outcome === 'transfer' ? null : REASONS[outcome](device?.leaseEndOn ?? null, on)[lang];
        const result =
          outcome === 'transfer' ? 'transferred' : outcome === 'unchanged' ? 'unchanged' : 'rejected';
        out.push({ deviceId, outcome: result, reason });
      }
      return out;
    });
    return { on, results };
  }

  private async transferOne(manager: EntityManager, device: DeviceEntity, on: string, actor: Actor) {
    await this.devicesStore.transferToBureau(manager, device.id);
    const check = await this.store.lockCheck(manager, device.id);
    const saved = await this.store.saveCheck(manager, device.id, check, {
      transferredAt: startOfChinaDay(on),
      transferredByUserId: actor.userId,
    });
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: 'devices',
      resourceId: device.id,
      before: { ownership: device.ownership },
      after: { ownership: 'bureau', transferredOn: on, leaseEndCheck: toDto(saved) },
    });
  }
}

/** Why a device was not transferred, or that it needed nothing. */
const REASONS: Record<
  Exclude<LeaseTransferOutcome, 'transfer'> | 'not_found',
  (leaseEndOn: string | null, on: string) => LocalizedText
> = {
  not_found: () => ({ zh: '终端不存在', en: 'No such device' }),
  unchanged: () => ({ zh: '已归本局所有，未改动', en: "Already the bureau's; unchanged" }),
  no_lease_end: () => ({ zh: '终端没有租赁结束日期', en: 'The device has no lease end date' }),
  lease_not_ended: (leaseEndOn, on) => ({
    zh: `租赁 ${leaseEndOn} 才结束，${on} 尚未到期`,
    en: `The lease ends on ${leaseEndOn}, after ${on}`,
  }),
};
