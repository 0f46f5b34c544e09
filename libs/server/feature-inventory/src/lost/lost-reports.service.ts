import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextDeviceStatus } from '@fleet/domain/inventory';
import type { LostFollowUpKey, LostReportDto } from '@fleet/shared/contracts';
import {
  AssignmentEntity,
  LostReportEntity,
  OfficerEntity,
  SimCardEntity,
} from '@fleet/server/persistence';
import { Clock } from '@fleet/server/config';
import { type Actor, ApiException, AuditService, type ListSpec, ReadService } from '@fleet/server/platform';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { DeviceStatusWriter } from '../devices/device-status.writer';
import type { AtBody, ReportLostBody } from './lost-report.dto';

export const LOST_REPORT_LIST: ListSpec = {
  resource: 'lost-reports',
  sortable: ['id', 'deviceId', 'kind', 'reportedAt', 'confirmedAt', 'foundAt', 'closedAt'],
  defaultSort: ['reportedAt', 'DESC'],
  filters: {
    deviceId: { property: 'deviceId', type: 'int' },
    kind: { property: 'kind', type: 'string' },
    reportedByOfficerId: { property: 'reportedByOfficerId', type: 'int' },
  },
  search: ['policeCaseNo', 'circumstances'],
};

const RESOURCE = LOST_REPORT_LIST.resource;

/** Where each follow-up is recorded on the report. */
const FOLLOW_UPS = {
  sim_suspend: {
    at: 'simSuspendRequestedAt',
    by: 'simSuspendRequestedByUserId',
    name: { zh: '通知运营商停机', en: 'asking the carrier to suspend the SIM' },
  },
  wipe: {
    at: 'wipeRequestedAt',
    by: 'wipeRequestedByUserId',
    name: { zh: '远程擦除工作域', en: 'wiping the work space' },
  },
} as const satisfies Record<LostFollowUpKey, unknown>;
const FOLLOW_UP_KEYS = Object.keys(FOLLOW_UPS) as LostFollowUpKey[];

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;

function toDto(r: LostReportEntity): LostReportDto {
  return {
    id: r.id,
    deviceId: r.deviceId,
    kind: r.kind,
    reportedAt: r.reportedAt.toISOString(),
    reportedByOfficerId: r.reportedByOfficerId,
    policeCaseNo: r.policeCaseNo,
    circumstances: r.circumstances,
    confirmedAt: iso(r.confirmedAt),
    simSuspendRequestedAt: iso(r.simSuspendRequestedAt),
    wipeRequestedAt: iso(r.wipeRequestedAt),
    foundAt: iso(r.foundAt),
    closedAt: iso(r.closedAt),
    followUps: FOLLOW_UP_KEYS.map((key) => ({
      key,
      doneAt: iso(r[FOLLOW_UPS[key].at]),
      doneByUserId: r[FOLLOW_UPS[key].by],
    })),
  };
}

const conflict = (zh: string, en: string) => ApiException.conflict({ zh, en });

/**
 * A device reported lost or stolen (报失): the report, its confirmation (the device becomes lost, its
 * holder's assignment ends, its SIMs are suspended), the follow-ups, the device turning up again, and
 * closing the report. Each step is one transaction with its audit rows.
 */
@Injectable()
export class LostReportsService extends ReadService<LostReportEntity, LostReportDto> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deviceStatus: DeviceStatusWriter,
  ) {
    super(dataSource, LostReportEntity, LOST_REPORT_LIST);
  }

  protected toDto(report: LostReportEntity): LostReportDto {
    return toDto(report);
  }

  /** An admin reports any device; an officer only the one they hold (any other answers 404). */
  report(deviceId: number, body: ReportLostBody, actor: Actor): Promise<LostReportDto> {
    return this.dataSource.transaction(async (manager) => {
      const device = await this.deviceStatus.lock(manager, deviceId);
      if (
        actor.role === 'officer' &&
        (actor.officerId === null || device.currentOfficerId !== actor.officerId)
      ) {
        throw ApiException.notFound('devices', deviceId);
      }
      const open = await manager.findOneBy(LostReportEntity, { deviceId, foundAt: IsNull() });
      if (open) {
        throw conflict(
          `该终端已报失（报失记录 ${open.id}，${open.reportedAt.toISOString()}），尚未找回`,
          `The device is already reported ${open.kind} (report ${open.id}, ${open.reportedAt.toISOString()}) and not found`,
        );
      }
      if (nextDeviceStatus(device.status, 'lost') === null) {
        throw conflict(
          `状态为 ${device.status} 的终端不能报失`,
          `A device in status ${device.status} cannot be reported lost`,
        );
      }
      const saved = await manager.save(
        manager.create(LostReportEntity, {
          deviceId,
          kind: body.kind,
          reportedAt: body.reportedAt ? new Date(body.reportedAt) : this.clock.now(),
          reportedByOfficerId: await reporter(manager, body, actor),
          policeCaseNo: body.policeCaseNo || null,
          circumstances: body.circumstances || null,
        }),
      );
      const after = toDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: RESOURCE,
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  /** Confirms the loss: device → lost, the holder's assignment ends, every SIM in it is suspended. */
  confirm(id: number, actor: Actor): Promise<LostReportDto> {
    return this.change(id, actor, async (manager, report) => {
      refuseIfFinished(report);
      if (report.confirmedAt) {
        throw conflict(
          `报失记录 ${id} 已于 ${report.confirmedAt.toISOString()} 确认`,
          `Report ${id} was already confirmed at ${report.confirmedAt.toISOString()}`,
        );
      }
      const now = this.clock.now();
      const device = await this.deviceStatus.lock(manager, report.deviceId);
      const status = nextDeviceStatus(device.status, 'lost');
      if (status === null) {
        throw conflict(
          `状态为 ${device.status} 的终端不能确认丢失`,
          `A device in status ${device.status} cannot be confirmed lost`,
        );
      }
      await this.endAssignment(manager, device.id, now, actor);
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: null });
      await this.suspendSims(manager, device.id, actor);
      report.confirmedAt = now;
    });
  }

  followUp(id: number, key: LostFollowUpKey, body: AtBody, actor: Actor): Promise<LostReportDto> {
    return this.change(id, actor, (_manager, report) => {
      if (report.closedAt) throw closedConflict(report);
      const { at, by, name } = FOLLOW_UPS[key];
      const doneAt = report[at];
      if (doneAt) {
        throw conflict(
          `报失记录 ${id} 的「${name.zh}」已于 ${doneAt.toISOString()} 完成`,
          `Report ${id}: ${name.en} was already done at ${doneAt.toISOString()}`,
        );
      }
      report[at] = body.at ? new Date(body.at) : this.clock.now();
      report[by] = actor.userId;
      return Promise.resolve();
    });
  }

  /** The device turned up: back in stock if it had been confirmed lost; the report closes. */
  found(id: number, body: AtBody, actor: Actor): Promise<LostReportDto> {
    return this.change(id, actor, async (manager, report) => {
      if (report.foundAt) {
        throw conflict(
          `报失记录 ${id} 的终端已于 ${report.foundAt.toISOString()} 找回`,
          `The device of report ${id} was already found at ${report.foundAt.toISOString()}`,
        );
      }
      const device = await this.deviceStatus.lock(manager, report.deviceId);
      const status = nextDeviceStatus(device.status, 'found');
      if (status !== null) await this.deviceStatus.write(manager, actor, device, { status });
      report.foundAt = body.at ? new Date(body.at) : this.clock.now();
      report.closedAt ??= this.clock.now();
    });
  }

  /** Closes a report once every follow-up is done (or the device was found). */
  close(id: number, actor: Actor): Promise<LostReportDto> {
    return this.change(id, actor, (_manager, report) => {
      if (report.closedAt) throw closedConflict(report);
      const pending = FOLLOW_UP_KEYS.filter((key) => !report[FOLLOW_UPS[key].at]).map(
        (key) => FOLLOW_UPS[key].name,
      );
      if (pending.length) {
        throw conflict(
          `报失记录 ${id} 还有未完成的后续事项：${pending.map((p) => p.zh).join('、')}`,
          `Report ${id} still has follow-ups to do: ${pending.map((p) => p.en).join(', ')}`,
        );
      }
      report.closedAt = this.clock.now();
      return Promise.resolve();
    });
  }

  /** Loads the report locked, lets `work` change it, saves it and audits before and after. */
  private change(
    id: number,
    actor: Actor,
    work: (manager: EntityManager, report: LostReportEntity) => Promise<void>,
  ): Promise<LostReportDto> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.load(manager, id, true);
      const before = toDto(report);
      await work(manager, report);
      const after = toDto(await manager.save(report));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: RESOURCE,
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** A lost device has no holder; the assignment stays in the history, ended when the loss is confirmed. */
  private async endAssignment(
    manager: EntityManager,
    deviceId: number,
    at: Date,
    actor: Actor,
  ): Promise<void> {
    const open = await manager.findOne(AssignmentEntity, {
      where: { deviceId, endAt: IsNull(), voidedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!open) return;
    // An assignment recorded to start later than now still ends after it starts (check constraint).
    const endAt = new Date(Math.max(at.getTime(), open.startAt.getTime() + 1000));
    await manager.update(AssignmentEntity, open.id, { endAt, endedByUserId: actor.userId });
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: 'assignments',
      resourceId: open.id,
      before: { endAt: null },
      after: { endAt: endAt.toISOString(), reason: 'lost' },
    });
  }

  private async suspendSims(manager: EntityManager, deviceId: number, actor: Actor): Promise<void> {
    const sims = await manager.find(SimCardEntity, {
      where: { deviceId, status: Not('terminated') },
      lock: { mode: 'pessimistic_write' },
    });
    for (const sim of sims.filter((s) => s.status !== 'suspended')) {
      await manager.update(SimCardEntity, sim.id, { status: 'suspended' });
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'sim-cards',
        resourceId: sim.id,
        before: { status: sim.status },
        after: { status: 'suspended' },
      });
    }
  }
}

/** An officer reports as themselves; an admin may name the reporting officer. */
async function reporter(manager: EntityManager, body: ReportLostBody, actor: Actor): Promise<number | null> {
  const given = body.reportedByOfficerId ?? null;
  if (actor.role === 'officer') {
    if (given !== null && given !== actor.officerId) {
      throw ApiException.badRequest([
        {
          field: 'reportedByOfficerId',
          reason: { zh: '警员只能以本人名义报失', en: 'An officer reports only in their own name' },
        },
      ]);
    }
    return actor.officerId;
  }
  if (given !== null && !(await manager.existsBy(OfficerEntity, { id: given }))) {
    throw ApiException.badRequest([
      { field: 'reportedByOfficerId', reason: { zh: '警员不存在', en: 'No such officer' } },
    ]);
  }
  return given;
}

function refuseIfFinished(report: LostReportEntity): void {
  if (report.foundAt) {
    throw conflict(`报失记录 ${report.id} 的终端已找回`, `The device of report ${report.id} was found`);
  }
  if (report.closedAt) throw closedConflict(report);
}

function closedConflict(report: LostReportEntity): ApiException {
  return conflict(
    `报失记录 ${report.id} 已于 ${report.closedAt?.toISOString()} 关闭`,
    `Report ${report.id} was closed at ${report.closedAt?.toISOString()}`,
  );
}
