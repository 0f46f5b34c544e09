// The demo bureau's phones: the APN profile, the contract plan, the 60 devices and 60 SIMs of the
// contract (tools/seed/data, copied from the carrier's delivery lists), each SIM in its device, and most
// devices handed to an active officer a few days after they arrived. Called by seed-demo.ts inside the
// seed's transaction, on an empty database; every row is audited as the seed's work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIccid, parseImei, parseMsisdn } from '@fleet/domain/identifiers';
import { addDays, leaseEndOn, planEndsOn, warrantyEndOn } from '@fleet/domain/inventory';
import {
  ApnProfileEntity,
  AssignmentEntity,
  DeviceEntity,
  type OfficerEntity,
  PlanEntity,
  SimCardEntity,
  SimInstallationEntity,
} from '@fleet/server/persistence';
import type { AuditEntry, AuditService } from '@fleet/server/platform';
import Papa from 'papaparse';
import type { EntityManager } from 'typeorm';

// Beside this file, from source (jest) and in dist (tools/build.mjs copies the folder).
const DATA_DIR = join(__dirname, 'data');
const SEED_ACTOR = { userId: null, username: 'seed', ip: null };
/** How many of the 60 devices the demo hands out; the rest stay in stock. */
export const DEMO_ASSIGNED_DEVICES = 52;

export interface SeededInventory {
  apnProfileId: number;
  planId: number;
  deviceIds: number[];
  simIds: number[];
  assignmentIds: number[];
}

/** The rows of a UTF-8 CSV with a header line (the BOM the carrier's files start with is dropped). */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(DATA_DIR, file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return parsed.data;
}

function identifier(parse: typeof parseImei, value: string, where: string): string {
  const result = parse(value);
  if (!result.ok) throw new Error(`${where}: ${value} is not valid (${result.reason})`);
  return result.value;
}

/** A China Standard Time moment on a calendar date. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

export async function seedInventory(
  manager: EntityManager,
  audit: AuditService,
  officers: readonly OfficerEntity[],
  stockUnitId: number | null,
): Promise<SeededInventory> {
  const created = async <T extends { id: number }>(resource: string, row: T): Promise<T> => {
    const entry: AuditEntry = {
      actor: SEED_ACTOR,
      action: 'create',
      resource,
      resourceId: row.id,
      after: row,
    };
    await audit.record(manager, entry);
    return row;
  };

  const apn = await created(
    'apn-profiles',
    await manager.save(
      manager.create(ApnProfileEntity, { name: 'XJGA', apn: 'xjga.xj', description: '公安移动警务专网' }),
    ),
  );
  // Contract clause 4.2 and 4.4: 272.50 CNY a month; 1,500 min, 20 GB national, 50 GB APN, 100 SMS.
  const plan = await created(
    'plans',
    await manager.save(
      manager.create(PlanEntity, {
        name: '移动警务通合约套餐',
        monthlyFeeFen: 27250,
        voiceMin: 1500,
        nationalKb: 20480 * 1024,
        apnKb: 51200 * 1024,
        sms: 100,
        termMonths: 36,
      }),
    ),
  );

  const devices = new Map<string, DeviceEntity>();
  for (const [i, row] of readCsv('devices.csv').entries()) {
    const where = `devices.csv row ${i + 2}`;
    const receivedOn = row['收货日期'];
    const device = await manager.save(
      manager.create(DeviceEntity, {
        model: row['型号'],
        imei1: identifier(parseImei, row['IMEI1'], where),
        imei2: row['IMEI2'] ? identifier(parseImei, row['IMEI2'], where) : null,
        serialNumber: row['序列号'] || null,
        dualSystem: row['双系统'] === 'yes',
        receivedOn,
        warrantyEndOn: warrantyEndOn(receivedOn),
        leaseStartOn: receivedOn,
        leaseEndOn: leaseEndOn(receivedOn),
        status: 'in_stock',
        ownership: 'leased',
        unitId: stockUnitId,
      }),
    );
    devices.set(device.imei1, await created('devices', device));
  }

  const simIds: number[] = [];
  for (const [i, row] of readCsv('sims.csv').entries()) {
    const where = `sims.csv row ${i + 2}`;
    const device = devices.get(row['终端IMEI1']);
    if (!device) throw new Error(`${where}: no device with IMEI1 ${row['终端IMEI1']}`);
    const activatedOn = row['开通日期'];
    const slot = Number(row['卡槽']);
    const sim = await created(
      'sim-cards',
      await manager.save(
        manager.create(SimCardEntity, {
          iccid: identifier(parseIccid, row['ICCID'], where),
          msisdn: identifier(parseMsisdn, row['手机号码'], where),
          apnProfileId: row['APN配置'] === apn.name ? apn.id : null,
          planId: plan.id,
          activatedOn,
          planEndsOn: planEndsOn(activatedOn, plan.termMonths),
          realNameRegisteredOn: row['实名登记日期'] || null,
          status: 'active',
          deviceId: device.id,
          slot,
        }),
      ),
    );
    simIds.push(sim.id);
    await created(
      'sim-installations',
      await manager.save(
        manager.create(SimInstallationEntity, {
          simId: sim.id,
          deviceId: device.id,
          slot,
          startAt: at(activatedOn, '10:00'),
        }),
      ),
    );
  }

  const holders = officers.filter((o) => o.status === 'active');
  const handedOut = [...devices.values()].slice(0, Math.min(DEMO_ASSIGNED_DEVICES, holders.length));
  const assignmentIds: number[] = [];
  for (const [i, device] of handedOut.entries()) {
    const officer = holders[i];
    // Handed over on the 6th to 9th day after arrival, once the SIMs were active.
    const startAt = at(addDays(device.receivedOn, 6 + (i % 4)), `${String(9 + (i % 8)).padStart(2, '0')}:30`);
    const assignment = await created(
      'assignments',
      await manager.save(
        manager.create(AssignmentEntity, {
          deviceId: device.id,
          officerId: officer.id,
          startAt,
          condition: '全新，外观完好，功能正常',
          accessories: ['充电器', '数据线', '保护壳'],
          acceptedAt: new Date(startAt.getTime() + 10 * 60_000),
        }),
      ),
    );
    assignmentIds.push(assignment.id);
    const before = { ...device };
    await manager.update(DeviceEntity, device.id, { status: 'assigned', currentOfficerId: officer.id });
    await audit.record(manager, {
      actor: SEED_ACTOR,
      action: 'update',
      resource: 'devices',
      resourceId: device.id,
      before,
      after: { ...device, status: 'assigned', currentOfficerId: officer.id },
    });
  }

  return {
    apnProfileId: apn.id,
    planId: plan.id,
    deviceIds: [...devices.values()].map((d) => d.id),
    simIds,
    assignmentIds,
  };
}
