import {
  type ImportKind,
  parseDeviceRow,
  parseOfficerRow,
  parseSimRow,
  parseUnitRow,
  type RowCells,
  type RowParse,
  type RowProblem,
} from '@fleet/domain/inventory';
import {
  ApnProfileEntity,
  DeviceEntity,
  OfficerEntity,
  SimCardEntity,
  SimInstallationEntity,
  UnitEntity,
} from '@fleet/server/persistence';
import type { AuditEntry, AuditService } from '@fleet/server/platform';
import { type EntityManager, type EntityTarget, IsNull, Not } from 'typeorm';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** A row refused for a reason a person can fix; the batch rolls the row back and goes on. */
export class RowRejected extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => p.reason.en).join('; '));
  }
}

export interface WriteContext {
  manager: EntityManager;
  audit: AuditService;
  actor: AuditEntry['actor'];
  badgeNoPattern: RegExp;
  now: Date;
}

type RowWriter = (ctx: WriteContext, cells: RowCells) => Promise<RowOutcome>;

const reject = (field: string, zh: string, en: string): never => {
  throw new RowRejected([{ field, reason: { zh, en } }]);
};

function parsed<T>(result: RowParse<T>): T {
  if (!result.ok) throw new RowRejected(result.problems);
  return result.value;
}

/** The row as stored, without the bookkeeping columns, for the audit log. */
function snapshot(row: object): object {
  const { createdAt: _c, updatedAt: _u, ...rest } = row as Record<string, unknown>;
  return rest;
}

interface WithId {
  id: number;
}

/**
 * Creates the row, or changes the fields that differ, each with its audit row; identical rows are left
 * alone and leave no audit trace, so importing the same file twice changes nothing.
 */
async function upsert<E extends WithId>(
  ctx: WriteContext,
  entity: EntityTarget<E>,
  resource: string,
  existing: E | null,
  values: Partial<E>,
): Promise<{ outcome: RowOutcome; row: E }> {
  const { manager, audit, actor } = ctx;
  if (!existing) {
    const row = await manager.save(entity, manager.create(entity, values as E));
    await audit.record(manager, {
      actor,
      action: 'create',
      resource,
      resourceId: row.id,
      after: snapshot(row),
    });
    return { outcome: 'created', row };
  }
  const changed = (Object.keys(values) as (keyof E)[]).filter((k) => existing[k] !== values[k]);
  if (!changed.length) return { outcome: 'unchanged', row: existing };
  const before = snapshot({ ...existing });
  const row = await manager.save(entity, manager.merge(entity, existing, values as E));
  await audit.record(manager, {
    actor,
    action: 'update',
    resource,
    resourceId: row.id,
    before,
    after: snapshot(row),
  });
  return { outcome: 'updated', row };
}

/** The one unit with this name; refuses the row when there is none or the name is ambiguous. */
async function unitByName(manager: EntityManager, field: string, name: string): Promise<number> {
  const units = await manager.find(UnitEntity, { where: { name }, take: 2 });
  if (!units.length) reject(field, `单位「${name}」不存在`, `There is no unit named ${name}`);
  if (units.length > 1) {
    reject(field, `有多个名为「${name}」的单位，无法确定是哪一个`, `More than one unit is named ${name}`);
  }
  return units[0].id;
}

const writeUnit: RowWriter = async (ctx, cells) => {
  const { name, parent } = parsed(parseUnitRow(cells));
  const parentId = parent === null ? null : await unitByName(ctx.manager, 'parent', parent);
  const existing = await ctx.manager.findOneBy(UnitEntity, { name, parentId: parentId ?? IsNull() });
  return (await upsert(ctx, UnitEntity, 'units', existing, { name, parentId })).outcome;
};

const writeOfficer: RowWriter = async (ctx, cells) => {
  const { unit, ...row } = parsed(parseOfficerRow(cells, ctx.badgeNoPattern));
  const unitId = await unitByName(ctx.manager, 'unit', unit);
  const existing = await ctx.manager.findOneBy(OfficerEntity, { badgeNo: row.badgeNo });
  return (await upsert(ctx, OfficerEntity, 'officers', existing, { ...row, unitId })).outcome;
};

const writeDevice: RowWriter = async (ctx, cells) => {
  const row = parsed(parseDeviceRow(cells));
  const { manager } = ctx;
  const existing = await manager.findOneBy(DeviceEntity, { imei1: row.imei1 });
  const others = { id: Not(existing?.id ?? 0) };
  const clash = async (field: string, where: object[], what: { zh: string; en: string }) => {
    const other = await manager.findOne(DeviceEntity, { where: where.map((w) => ({ ...w, ...others })) });
    if (other) {
      reject(
        field,
        `${what.zh}已属于设备 IMEI1 ${other.imei1}（编号 ${other.id}）`,
        `${what.en} already belongs to the device with IMEI 1 ${other.imei1} (id ${other.id})`,
      );
    }
  };
  await clash('imei1', [{ imei2: row.imei1 }], { zh: 'IMEI1 ', en: 'IMEI 1' });
  if (row.imei2) {
    await clash('imei2', [{ imei1: row.imei2 }, { imei2: row.imei2 }], { zh: 'IMEI2 ', en: 'IMEI 2' });
  }
  if (row.serialNumber) {
    await clash('serialNumber', [{ serialNumber: row.serialNumber }], {
      zh: '序列号',
      en: 'The serial number',
    });
  }
  return (await upsert(ctx, DeviceEntity, 'devices', existing, row)).outcome;
};

const writeSim: RowWriter = async (ctx, cells) => {
  const { apnProfile, deviceImei1, slot, ...row } = parsed(parseSimRow(cells));
  const { manager } = ctx;
  const existing = await manager.findOneBy(SimCardEntity, { iccid: row.iccid });
  const values: Partial<SimCardEntity> = { ...row };

  const sameNumber = await manager.findOneBy(SimCardEntity, {
    msisdn: row.msisdn,
    status: Not('terminated'),
    id: Not(existing?.id ?? 0),
  });
  if (sameNumber && (existing?.status ?? 'inactive') !== 'terminated') {
    reject(
      'msisdn',
      `手机号码已属于号卡 ICCID ${sameNumber.iccid}`,
      `The number already belongs to the SIM ${sameNumber.iccid}`,
    );
  }
  if (apnProfile !== undefined) {
    if (apnProfile === null) values.apnProfileId = null;
    else {
      const profile = await manager.findOne(ApnProfileEntity, {
        where: [{ name: apnProfile }, { apn: apnProfile }],
      });
      if (!profile)
        reject('apnProfile', `APN配置「${apnProfile}」不存在`, `There is no APN profile ${apnProfile}`);
      values.apnProfileId = profile!.id;
    }
  }
  // Activation makes an inactive SIM active; a suspended or terminated one stays as the carrier set it.
  if (row.activatedOn && (existing?.status ?? 'inactive') === 'inactive') values.status = 'active';

  let install: { deviceId: number; slot: number } | null = null;
  if (deviceImei1 && slot) {
    const device = await manager.findOneBy(DeviceEntity, { imei1: deviceImei1 });
    if (!device)
      reject('deviceImei1', `没有 IMEI1 为 ${deviceImei1} 的设备`, `No device has IMEI 1 ${deviceImei1}`);
    if (existing?.deviceId !== device!.id || existing?.slot !== slot) {
      const occupant = await manager.findOneBy(SimCardEntity, {
        deviceId: device!.id,
        slot,
        id: Not(existing?.id ?? 0),
      });
      if (occupant) {
        reject(
          'slot',
          `该设备的卡槽 ${slot} 已装有号卡 ICCID ${occupant.iccid}`,
          `Slot ${slot} of that device already holds the SIM ${occupant.iccid}`,
        );
      }
      install = { deviceId: device!.id, slot };
      Object.assign(values, install);
    }
  }

  const { outcome, row: sim } = await upsert(ctx, SimCardEntity, 'sim-cards', existing, values);
  if (install) await installSim(ctx, sim.id, install);
  return outcome;
};

/** Ends the SIM's open installation elsewhere, if any, and opens one in the given slot. */
async function installSim(
  ctx: WriteContext,
  simId: number,
  at: { deviceId: number; slot: number },
): Promise<void> {
  const { manager, audit, actor, now } = ctx;
  const open = await manager.findOneBy(SimInstallationEntity, { simId, endAt: IsNull(), voidedAt: IsNull() });
  if (open) {
    const before = snapshot({ ...open });
    open.endAt = now;
    open.endedByUserId = actor?.userId ?? null;
    await manager.save(open);
    await audit.record(manager, {
      actor,
      action: 'update',
      resource: 'sim-installations',
      resourceId: open.id,
      before,
      after: snapshot(open),
    });
  }
  const created = await manager.save(
    manager.create(SimInstallationEntity, {
      simId,
      ...at,
      startAt: now,
      startedByUserId: actor?.userId ?? null,
    }),
  );
  await audit.record(manager, {
    actor,
    action: 'create',
    resource: 'sim-installations',
    resourceId: created.id,
    after: snapshot(created),
  });
}

export const ROW_WRITERS: Record<ImportKind, RowWriter> = {
  units: writeUnit,
  officers: writeOfficer,
  devices: writeDevice,
  sim_cards: writeSim,
};
