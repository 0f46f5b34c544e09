// The demo's repair desk: eight repair tickets across the states of the flow, written straight to the
// database as the services would (each custody change an interval with its audit row, each status
// step an event row). One screen repair liable to its holder and one force-majeure repair were closed
// last month, so closing last month puts a 450.00 CNY repair line on that officer's statement and
// one on the bureau's summary. Called by seed-demo.ts inside the seed's transaction.
import { addMonths, chinaDateOf, isInWarranty, warrantyEndOn } from '@fleet/domain/inventory';
import {
  repairChargePeriod,
  repairLiability,
  repairTicketNo,
  type RepairCause,
  type RepairStatus,
} from '@fleet/domain/repairs';
import {
  AssignmentEntity,
  DeviceEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  SimCardEntity,
  SimInstallationEntity,
} from '@fleet/server/persistence';
import type { AuditService } from '@fleet/server/platform';
import { type EntityManager, IsNull } from 'typeorm';

const SEED_ACTOR = { userId: null, username: 'seed', ip: null };
const HOUR = 3_600_000;

type Step = [to: RepairStatus, at: Date, note: string | null];

interface DemoTicket {
  /** Index into the handed-out devices, in device order (0 is the demo officer's phone). */
  device: number;
  fault: string;
  reportedAt: Date;
  condition: string;
  accessories: string[];
  cause?: RepairCause;
  diagnosis?: string;
  quoteFen?: number;
  costFen?: number;
  vendor?: string;
  trackingNote?: string;
  cancelReason?: string;
  /** Steps after intake, in order. */
  steps: Step[];
  /** Hand the device back to its holder at this moment (repaired and returned, or cancelled). */
  handBackAt?: Date;
  /** Lend an in-stock phone at this moment and move the SIM(s) into it. */
  loanerAt?: Date;
}

/** Seeds the repair tickets; returns their ids. */
export async function seedRepairs(
  manager: EntityManager,
  audit: AuditService,
  today: Date = new Date(),
): Promise<number[]> {
  const record = (
    action: 'create' | 'update',
    resource: string,
    resourceId: number,
    before: unknown,
    after: unknown,
  ) => audit.record(manager, { actor: SEED_ACTOR, action, resource, resourceId, before, after });

  const open = await manager.find(AssignmentEntity, {
    where: { endAt: IsNull(), voidedAt: IsNull() },
    order: { deviceId: 'ASC' },
  });
  const stock = await manager.find(DeviceEntity, { where: { status: 'in_stock' }, order: { id: 'DESC' } });
  if (open.length < 8 || !stock.length) return [];

  const lastMonth = addMonths(`${chinaDateOf(today).slice(0, 7)}-01`, -1).slice(0, 7);
  const cst = (local: string) => new Date(`${local}+08:00`);
  const ago = (hours: number) => new Date(today.getTime() - hours * HOUR);
  const closedLastMonth = (day: string, time: string) => cst(`${lastMonth}-${day}T${time}:00`);

  const tickets: DemoTicket[] = [
    {
      device: 0,
      fault: '执勤时手机跌落，屏幕碎裂，触摸失灵',
      reportedAt: closedLastMonth('10', '10:00'),
      condition: '屏幕右下角碎裂，边框有磕痕',
      accessories: ['保护壳'],
      cause: 'screen',
      diagnosis: '屏幕总成损坏，需更换屏幕总成',
      quoteFen: 45000,
      costFen: 45000,
      steps: [
        ['diagnosed', closedLastMonth('10', '14:00'), null],
        ['returned', closedLastMonth('12', '16:00'), '已更换屏幕总成，功能正常'],
        ['closed', closedLastMonth('12', '16:30'), '¥450.00'],
      ],
      handBackAt: closedLastMonth('12', '17:00'),
    },
    {
      device: 1,
      fault: '暴雨中处置警情时设备浸水后无法开机',
      reportedAt: closedLastMonth('15', '09:00'),
      condition: '机身潮湿',
      accessories: [],
      cause: 'force_majeure',
      diagnosis: '特大暴雨抢险中浸水，主板腐蚀，经认定属不可抗力',
      quoteFen: 20000,
      costFen: 20000,
      steps: [
        ['diagnosed', closedLastMonth('15', '15:00'), null],
        ['returned', closedLastMonth('18', '11:00'), '更换主板'],
        ['closed', closedLastMonth('18', '11:30'), '¥200.00'],
      ],
      handBackAt: closedLastMonth('18', '12:00'),
    },
    {
      device: 2,
      fault: '电池鼓包，后盖翘起',
      reportedAt: ago(5 * 24),
      condition: '后盖翘起，无外伤',
      accessories: ['充电器', '数据线'],
      cause: 'quality',
      diagnosis: '电池质量问题，保修更换电池',
      quoteFen: 0,
      costFen: 0,
      steps: [
        ['diagnosed', ago(5 * 24 - 3), null],
        ['sent_out', ago(5 * 24 - 4), '华为授权服务中心（库尔勒）：顺丰 SF1305268841'],
        ['returned', ago(24), '保修更换电池，待交还使用人'],
      ],
    },
    {
      device: 3,
      fault: '手机进水后屏幕闪烁，无法通话',
      reportedAt: ago(3 * 24),
      condition: '听筒处有水渍',
      accessories: ['保护壳'],
      cause: 'water',
      diagnosis: '进水导致显示屏排线及听筒损坏',
      quoteFen: 60000,
      vendor: '华为授权服务中心（库尔勒）',
      trackingNote: '顺丰 SF1305270012，预计 5 个工作日返回',
      steps: [
        ['diagnosed', ago(3 * 24 - 2), null],
        ['sent_out', ago(3 * 24 - 3), '华为授权服务中心（库尔勒）：顺丰 SF1305270012，预计 5 个工作日返回'],
      ],
    },
    {
      device: 4,
      fault: '摔落后无法开机',
      reportedAt: ago(2 * 24),
      condition: '边框变形',
      accessories: [],
      cause: 'drop',
      diagnosis: '摔落致主板及边框损坏，报价待使用人确认',
      quoteFen: 38000,
      steps: [['diagnosed', ago(2 * 24 - 4), null]],
    },
    {
      device: 5,
      fault: '无法充电',
      reportedAt: ago(26),
      condition: '外观完好',
      accessories: ['充电器'],
      steps: [],
    },
    {
      device: 6,
      fault: '屏幕失灵，无法解锁',
      reportedAt: ago(1.5),
      condition: '屏幕有裂纹',
      accessories: ['保护壳', '充电器'],
      steps: [],
      loanerAt: ago(1),
    },
    {
      device: 7,
      fault: '指纹识别失灵',
      reportedAt: ago(6 * 24),
      condition: '外观完好',
      accessories: [],
      cancelReason: '经指导重新录入指纹后恢复正常，无需维修',
      steps: [['cancelled', ago(6 * 24 - 1), '经指导重新录入指纹后恢复正常，无需维修']],
      handBackAt: ago(6 * 24 - 1),
    },
  ];

  const ids: number[] = [];
  for (const spec of tickets) {
    const assignment = open[spec.device];
    const device = await manager.findOneByOrFail(DeviceEntity, { id: assignment.deviceId });
    // A demo run shortly after the phones arrived still takes them in after they were handed out.
    const reportedAt = new Date(Math.max(spec.reportedAt.getTime(), assignment.startAt.getTime() + HOUR));
    const shift = reportedAt.getTime() - spec.reportedAt.getTime();
    const at = (moment: Date) => new Date(Math.min(moment.getTime() + shift, today.getTime()));
    const end = warrantyEndOn(device.receivedOn);
    const liability = spec.cause
      ? repairLiability({
          cause: spec.cause,
          reportedOn: chinaDateOf(reportedAt),
          warrantyEndOn: end,
          holderOfficerId: assignment.officerId,
        })
      : null;
    const final = spec.steps.at(-1)?.[0] ?? 'received';
    const closedAt = final === 'closed' ? at(spec.steps.at(-1)![1]) : null;

    // The phone leaves its holder's hands at the intake.
    await manager.update(AssignmentEntity, assignment.id, {
      endAt: reportedAt,
      returnCondition: spec.condition,
    });
    await record(
      'update',
      'assignments',
      assignment.id,
      { endAt: null },
      { endAt: reportedAt.toISOString() },
    );

    const inserted = await manager.insert(RepairTicketEntity, {
      ticketNo: `TMP-${device.id}`,
      deviceId: device.id,
      status: final,
      reportedAt,
      reportedByOfficerId: assignment.officerId,
      holderOfficerId: assignment.officerId,
      fault: spec.fault,
      accessories: spec.accessories,
      condition: spec.condition,
      warrantyEndOn: end,
      inWarranty: isInWarranty(chinaDateOf(reportedAt), end),
      cause: spec.cause ?? null,
      diagnosis: spec.diagnosis ?? null,
      liability: liability?.party ?? null,
      liableOfficerId: liability?.officerId ?? null,
      liabilityReason: liability?.reason.zh ?? null,
      liabilityReasonEn: liability?.reason.en ?? null,
      quoteFen: spec.quoteFen ?? null,
      costFen: spec.costFen ?? null,
      vendor: spec.vendor ?? null,
      trackingNote: spec.trackingNote ?? null,
      cancelReason: spec.cancelReason ?? null,
      closedAt,
      chargePeriod: closedAt ? repairChargePeriod(closedAt) : null,
    });
    const id = (inserted.identifiers[0] as { id: number }).id;
    const ticketNo = repairTicketNo(id, reportedAt);
    await manager.update(RepairTicketEntity, id, { ticketNo });
    ids.push(id);

    let from: RepairStatus | null = null;
    for (const [to, moment, note] of [['received', reportedAt, spec.fault] as Step, ...spec.steps]) {
      await manager.insert(RepairTicketEventEntity, {
        ticketId: id,
        fromStatus: from,
        toStatus: to,
        at: to === 'received' ? reportedAt : at(moment),
        userId: null,
        note,
      });
      from = to;
    }

    // The device: in repair while with the desk, back in stock once repaired or cancelled, back with its
    // holder when handed back.
    const handedBack = spec.handBackAt ? at(spec.handBackAt) : null;
    const status = handedBack
      ? 'assigned'
      : ['returned', 'cancelled', 'closed'].includes(final)
        ? 'in_stock'
        : 'in_repair';
    if (handedBack) {
      const back = await manager.save(
        manager.create(AssignmentEntity, {
          deviceId: device.id,
          officerId: assignment.officerId,
          startAt: handedBack,
          condition: final === 'cancelled' ? '取消送修，原机交还' : `维修后交还（维修单 ${ticketNo}）`,
          accessories: spec.accessories,
          acceptedAt: new Date(handedBack.getTime() + 5 * 60_000),
        }),
      );
      await record('create', 'assignments', back.id, null, back);
    }
    await manager.update(DeviceEntity, device.id, {
      status,
      currentOfficerId: handedBack ? assignment.officerId : null,
    });
    await record(
      'update',
      'devices',
      device.id,
      { status: device.status, currentOfficerId: device.currentOfficerId },
      { status, currentOfficerId: handedBack ? assignment.officerId : null },
    );

    if (spec.loanerAt) {
      const loaner = stock[0];
      const lentAt = at(spec.loanerAt);
      const lent = await manager.save(
        manager.create(AssignmentEntity, {
          deviceId: loaner.id,
          officerId: assignment.officerId,
          startAt: lentAt,
          condition: `维修备用机（维修单 ${ticketNo}）`,
          accessories: ['充电器'],
        }),
      );
      await record('create', 'assignments', lent.id, null, lent);
      await manager.update(DeviceEntity, loaner.id, {
        status: 'assigned',
        currentOfficerId: assignment.officerId,
      });
      await record(
        'update',
        'devices',
        loaner.id,
        { status: 'in_stock', currentOfficerId: null },
        { status: 'assigned', currentOfficerId: assignment.officerId },
      );
      // The spare phone's own SIM is taken out first, so the officer's SIM(s) go into its slots.
      const spare = await manager.find(SimInstallationEntity, {
        where: { deviceId: loaner.id, endAt: IsNull(), voidedAt: IsNull() },
      });
      for (const installation of spare) {
        const out = new Date(lentAt.getTime() - 60_000);
        await manager.update(SimInstallationEntity, installation.id, { endAt: out });
        await record(
          'update',
          'sim-installations',
          installation.id,
          { endAt: null },
          { endAt: out.toISOString() },
        );
        await manager.update(SimCardEntity, installation.simId, { deviceId: null, slot: null });
        await record(
          'update',
          'sim-cards',
          installation.simId,
          { deviceId: loaner.id, slot: installation.slot },
          { deviceId: null, slot: null },
        );
      }
      const installations = await manager.find(SimInstallationEntity, {
        where: { deviceId: device.id, endAt: IsNull(), voidedAt: IsNull() },
      });
      for (const installation of installations) {
        await manager.update(SimInstallationEntity, installation.id, { endAt: lentAt });
        await record(
          'update',
          'sim-installations',
          installation.id,
          { endAt: null },
          { endAt: lentAt.toISOString() },
        );
        const moved = await manager.save(
          manager.create(SimInstallationEntity, {
            simId: installation.simId,
            deviceId: loaner.id,
            slot: installation.slot,
            startAt: lentAt,
          }),
        );
        await record('create', 'sim-installations', moved.id, null, moved);
        await manager.update(SimCardEntity, installation.simId, {
          deviceId: loaner.id,
          slot: installation.slot,
        });
        await record(
          'update',
          'sim-cards',
          installation.simId,
          { deviceId: device.id, slot: installation.slot },
          { deviceId: loaner.id, slot: installation.slot },
        );
      }
      await manager.update(RepairTicketEntity, id, {
        loanerDeviceId: loaner.id,
        loanerOutAt: lentAt,
        loanerSimIds: installations.map((i) => i.simId),
      });
    }
    const saved = await manager.findOneByOrFail(RepairTicketEntity, { id });
    await record('create', 'repair-tickets', id, null, saved);
  }
  return ids;
}
