import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextDeviceStatus, type DeviceEvent, type DeviceStatus } from '@fleet/domain/inventory';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import {
  AssignmentEntity,
  type DeviceEntity,
  OfficerEntity,
  SimCardEntity,
  SimInstallationEntity,
} from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService } from '@fleet/server/platform';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { DEVICE_STATUS_NAMES, DeviceStatusWriter } from '../devices/device-status.writer';
import { DevicesService } from '../devices/devices.service';
import { SimCardsService } from '../sim-cards/sim-cards.service';
import { officerScope } from '../shared/officer-scope';
import { type ConstraintConflict, inTransaction } from '../shared/transaction';
import type { AssignBody, InstallBody, RemoveBody, ReturnBody, VoidBody } from './custody.dto';
import { toAssignmentDto, toInstallationDto } from './custody.mapper';
import { eventMoment, requireAfter } from './event-moment';

/** What the database says when two writers race past the checks, or a back-dated event overlaps. */
const CONFLICTS: Record<string, ConstraintConflict> = {
  assignments_device_no_overlap: {
    field: 'at',
    text: {
      zh: '该时间与该终端已有的领用记录重叠',
      en: "The moment overlaps the device's existing assignment history",
    },
  },
  assignments_open_per_device: {
    text: { zh: '该终端已被领用', en: 'The device is already assigned' },
  },
  sim_installations_sim_no_overlap: {
    field: 'at',
    text: {
      zh: '该时间与该号卡已有的装卡记录重叠',
      en: "The moment overlaps the SIM's installation history",
    },
  },
  sim_installations_slot_no_overlap: {
    field: 'at',
    text: {
      zh: '该时间与该卡槽已有的装卡记录重叠',
      en: "The moment overlaps the slot's installation history",
    },
  },
  sim_installations_open_per_sim: {
    text: { zh: '该号卡已装在终端中', en: 'The SIM is already in a device' },
  },
  sim_installations_open_per_slot: {
    text: { zh: '该卡槽已有号卡', en: 'The slot already holds a SIM' },
  },
};

interface IntervalKind<E extends AssignmentEntity | SimInstallationEntity, D> {
  entity: new () => E;
  resource: 'assignments' | 'sim-installations';
  toDto: (interval: E) => D;
}
const ASSIGNMENTS: IntervalKind<AssignmentEntity, AssignmentDto> = {
  entity: AssignmentEntity,
  resource: 'assignments',
  toDto: toAssignmentDto,
};
const INSTALLATIONS: IntervalKind<SimInstallationEntity, SimInstallationDto> = {
  entity: SimInstallationEntity,
  resource: 'sim-installations',
  toDto: toInstallationDto,
};

const who = (o: OfficerEntity) => ({
  zh: `${o.name}（警号 ${o.badgeNo}）`,
  en: `${o.name} (badge ${o.badgeNo})`,
});

/**
 * Custody events: handing a device to an officer and taking it back, putting a SIM in a slot and
 * taking it out, and voiding a mistaken record. Each writes the interval, moves the device's or SIM's
 * current fields with it, and audits both, in one transaction. History is never rewritten.
 */
@Injectable()
export class CustodyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly devices: DevicesService,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly sims: SimCardsService,
  ) {}

  assign(
    deviceId: number,
    body: AssignBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<AssignmentDto> {
    return this.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, deviceId);
      const at = eventMoment(body.at, now, device.receivedOn);
      // Locked so two handovers to one officer at once cannot both pass the one-device check.
      const officer = await manager.findOne(OfficerEntity, {
        where: { id: body.officerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!officer) {
        throw ApiException.badRequest([
          { field: 'officerId', reason: { zh: '警员不存在', en: 'No such officer' } },
        ]);
      }
      if (officer.status !== 'active') {
        throw ApiException.conflict(
          {
            zh: `警员 ${who(officer).zh} 已非在职状态，不能领用终端`,
            en: `Officer ${who(officer).en} is no longer active and cannot receive a device`,
          },
          'officerId',
        );
      }
      const open = await this.openAssignment(manager, deviceId);
      if (open) {
        throw ApiException.conflict({
          zh: `该终端已领用给 ${who(open.officer!).zh}`,
          en: `The device is already assigned to ${who(open.officer!).en}`,
        });
      }
      const status = this.nextStatus(device, 'assign');
      if (!body.allowMultiple) await this.refuseSecondDevice(manager, officer, deviceId, at);

      const assignment = await manager.save(
        manager.create(AssignmentEntity, {
          deviceId,
          officerId: officer.id,
          startAt: at,
          endAt: null,
          startedByUserId: actor.userId,
          condition: body.condition ?? null,
          accessories: body.accessories ?? [],
          allowMultiple: body.allowMultiple ?? false,
        }),
      );
      const after = toAssignmentDto(assignment);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'assignments',
        resourceId: assignment.id,
        after,
      });
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: officer.id });
      return after;
    });
  }

  giveBack(
    deviceId: number,
    body: ReturnBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<AssignmentDto> {
    return this.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, deviceId);
      const open = await this.openAssignment(manager, deviceId);
      if (!open) {
        throw ApiException.conflict({
          zh: `该终端当前未被领用（状态：${DEVICE_STATUS_NAMES[device.status].zh}）`,
          en: `The device is not assigned (status: ${DEVICE_STATUS_NAMES[device.status].en})`,
        });
      }
      const status = this.nextStatus(device, 'return');
      const at = eventMoment(body.at, now, device.receivedOn);
      requireAfter(at, open.startAt, { zh: '领用时间', en: 'the handover' });
      const after = await this.changeInterval(manager, actor, ASSIGNMENTS, open, {
        endAt: at,
        endedByUserId: actor.userId,
        returnCondition: body.condition ?? null,
      });
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: null });
      return after;
    });
  }

  install(
    simId: number,
    body: InstallBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<SimInstallationDto> {
    return this.run(within, async (manager) => {
      const device = await this.devices.lockForUpdate(manager, body.deviceId).catch(() => {
        throw ApiException.badRequest([
          { field: 'deviceId', reason: { zh: '终端不存在', en: 'No such device' } },
        ]);
      });
      const sim = await this.sims.lockForUpdate(manager, simId);
      if (sim.status === 'terminated') {
        throw ApiException.conflict({ zh: '该号卡已销户，不能装入终端', en: 'The SIM is terminated' });
      }
      if (device.status === 'retired') {
        throw ApiException.conflict({ zh: '该终端已报废', en: 'The device is retired' }, 'deviceId');
      }
      const at = eventMoment(body.at, now, device.receivedOn);
      const current = await this.openInstallation(manager, { simId });
      if (current) {
        throw ApiException.conflict({
          zh: `该号卡已装在终端编号 ${current.deviceId} 的卡槽 ${current.slot}，请先取出`,
          en: `The SIM is in slot ${current.slot} of device ${current.deviceId}; remove it first`,
        });
      }
      const occupant = await this.openInstallation(manager, { deviceId: device.id, slot: body.slot });
      if (occupant) {
        throw ApiException.conflict(
          {
            zh: `终端卡槽 ${body.slot} 已有号卡 ${occupant.sim!.msisdn}（编号 ${occupant.simId}）`,
            en: `Slot ${body.slot} already holds SIM ${occupant.sim!.msisdn} (id ${occupant.simId})`,
          },
          'slot',
        );
      }
      const installation = await manager.save(
        manager.create(SimInstallationEntity, {
          simId,
          deviceId: device.id,
          slot: body.slot,
          startAt: at,
          endAt: null,
          startedByUserId: actor.userId,
        }),
      );
      const after = toInstallationDto(installation);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'sim-installations',
        resourceId: installation.id,
        after,
      });
      await this.moveSim(manager, actor, sim, { deviceId: device.id, slot: body.slot });
      return after;
    });
  }

  remove(
    simId: number,
    body: RemoveBody,
    actor: Actor,
    now: Date,
    within?: EntityManager,
  ): Promise<SimInstallationDto> {
    return this.run(within, async (manager) => {
      const sim = await this.sims.lockForUpdate(manager, simId);
      const open = await this.openInstallation(manager, { simId });
      if (!open)
        throw ApiException.conflict({ zh: '该号卡不在任何终端中', en: 'The SIM is not in a device' });
      const at = eventMoment(body.at, now, open.device!.receivedOn);
      requireAfter(at, open.startAt, { zh: '装卡时间', en: 'the installation' });
      const after = await this.changeInterval(manager, actor, INSTALLATIONS, open, {
        endAt: at,
        endedByUserId: actor.userId,
      });
      await this.moveSim(manager, actor, sim, { deviceId: null, slot: null });
      return after;
    });
  }

  /** Corrects a mistaken handover: kept, marked void; if it was the open one, nobody holds the device. */
  voidAssignment(id: number, body: VoidBody, actor: Actor, now: Date): Promise<AssignmentDto> {
    return inTransaction(this.dataSource, CONFLICTS, async (manager) => {
      const assignment = await this.lockInterval(manager, ASSIGNMENTS, id);
      const wasOpen = assignment.endAt === null;
      const after = await this.changeInterval(manager, actor, ASSIGNMENTS, assignment, {
        voidedAt: now,
        voidReason: body.reason,
        voidedByUserId: actor.userId,
      });
      if (wasOpen) {
        const device = await this.devices.lockForUpdate(manager, assignment.deviceId);
        await this.deviceStatus.write(manager, actor, device, {
          status: nextDeviceStatus(device.status, 'return') ?? device.status,
          currentOfficerId: null,
        });
      }
      return after;
    });
  }

  /** Corrects a mistaken installation: kept, marked void; if it was the open one, the SIM is out. */
  voidInstallation(id: number, body: VoidBody, actor: Actor, now: Date): Promise<SimInstallationDto> {
    return inTransaction(this.dataSource, CONFLICTS, async (manager) => {
      const installation = await this.lockInterval(manager, INSTALLATIONS, id);
      const wasOpen = installation.endAt === null;
      const after = await this.changeInterval(manager, actor, INSTALLATIONS, installation, {
        voidedAt: now,
        voidReason: body.reason,
        voidedByUserId: actor.userId,
      });
      if (wasOpen) {
        const sim = await this.sims.lockForUpdate(manager, installation.simId);
        await this.moveSim(manager, actor, sim, { deviceId: null, slot: null });
      }
      return after;
    });
  }

  /** The officer signs for the device (签收); an officer may sign only for the device they hold. */
  accept(id: number, actor: Actor, now: Date): Promise<AssignmentDto> {
    return inTransaction(this.dataSource, CONFLICTS, async (manager) => {
      const assignment = await this.lockInterval(manager, ASSIGNMENTS, id, actor);
      if (assignment.endAt !== null) {
        throw ApiException.conflict({
          zh: '该领用已归还，不能再签收',
          en: 'The device has been returned already',
        });
      }
      if (assignment.acceptedAt) {
        throw ApiException.conflict({
          zh: `已于 ${assignment.acceptedAt.toISOString()} 签收`,
          en: `Already accepted at ${assignment.acceptedAt.toISOString()}`,
        });
      }
      return this.changeInterval(manager, actor, ASSIGNMENTS, assignment, { acceptedAt: now });
    });
  }

  /**
   * Custody work in its own transaction, or in the caller's when given (a repair ticket hands out a
   * loaner and moves SIMs in one transaction), where a constraint violation fails the caller's work.
   */
  private run<T>(
    within: EntityManager | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return within ? work(within) : inTransaction(this.dataSource, CONFLICTS, work);
  }

  private nextStatus(device: DeviceEntity, event: DeviceEvent): DeviceStatus {
    const next = nextDeviceStatus(device.status, event);
    if (!next) {
      const name = DEVICE_STATUS_NAMES[device.status];
      const action = event === 'assign' ? { zh: '领用', en: 'assigned' } : { zh: '归还', en: 'returned' };
      throw ApiException.conflict({
        zh: `终端状态为「${name.zh}」，不能${action.zh}`,
        en: `The device is ${name.en} and cannot be ${action.en}`,
      });
    }
    return next;
  }

  /** An officer holds one device at a time unless an admin allows more (allowMultiple). */
  private async refuseSecondDevice(
    manager: EntityManager,
    officer: OfficerEntity,
    deviceId: number,
    at: Date,
  ) {
    const held = await manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .innerJoinAndSelect('a.device', 'd')
      .where('a.officerId = :officerId AND a.deviceId <> :deviceId AND a.voidedAt IS NULL', {
        officerId: officer.id,
        deviceId,
      })
      .andWhere('(a.endAt IS NULL OR a.endAt > :at)', { at })
      .getOne();
    if (held) {
      const device = `${held.device!.model}（编号 ${held.deviceId}，IMEI1 ${held.device!.imei1}）`;
      throw ApiException.conflict(
        {
          zh: `警员 ${who(officer).zh} 已持有终端 ${device}；如确需多台，请勾选“允许多台”`,
          en: `Officer ${who(officer).en} already holds device ${held.device!.model} (id ${held.deviceId}, IMEI 1 ${held.device!.imei1}); set allowMultiple to allow more`,
        },
        'officerId',
      );
    }
  }

  private openAssignment(manager: EntityManager, deviceId: number): Promise<AssignmentEntity | null> {
    return manager.findOne(AssignmentEntity, {
      where: { deviceId, endAt: IsNull(), voidedAt: IsNull() },
      relations: { officer: true },
    });
  }

  private openInstallation(
    manager: EntityManager,
    where: { simId: number } | { deviceId: number; slot: number },
  ): Promise<SimInstallationEntity | null> {
    return manager.findOne(SimInstallationEntity, {
      where: { ...where, endAt: IsNull(), voidedAt: IsNull() },
      relations: { sim: true, device: true },
    });
  }

  /** An interval locked for a change; void and accept refuse one already voided. */
  /** An interval locked for a change; void and accept refuse one already voided. */
  private async lockInterval<E extends AssignmentEntity | SimInstallationEntity, D>(
    manager: EntityManager,
    kind: IntervalKind<E, D>,
    id: number,
    actor?: Actor,
  ): Promise<E> {
    const found = await manager.findOne(kind.entity, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    });
    const scope = actor ? officerScope(actor) : null;
    if (!found || (scope !== null && (found as AssignmentEntity).officerId !== scope)) {
      throw ApiException.notFound(kind.resource, id);
    }
    if (found.voidedAt) {
      throw ApiException.conflict({
        zh: `该记录已于 ${found.voidedAt.toISOString()} 作废：${found.voidReason ?? ''}`,
        en: `The record was voided at ${found.voidedAt.toISOString()}: ${found.voidReason ?? ''}`,
      });
    }
    return found;
  }

  /** Ends, voids or signs an interval, with its audit row; the interval itself is never deleted. */
  private async changeInterval<E extends AssignmentEntity | SimInstallationEntity, D>(
    manager: EntityManager,
    actor: Actor,
    kind: IntervalKind<E, D>,
    interval: E,
    changes: Partial<E>,
  ): Promise<D> {
    const before = kind.toDto(interval);
    await manager.update(kind.entity, interval.id, changes as never);
    const after = kind.toDto(Object.assign(interval, changes));
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: kind.resource,
      resourceId: interval.id,
      before,
      after,
    });
    return after;
  }

  private async moveSim(
    manager: EntityManager,
    actor: Actor,
    sim: SimCardEntity,
    changes: Pick<SimCardEntity, 'deviceId' | 'slot'>,
  ): Promise<void> {
    const before = this.sims.toDto(sim);
    await manager.update(SimCardEntity, sim.id, changes);
    const after = this.sims.toDto({ ...sim, ...changes });
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: 'sim-cards',
      resourceId: sim.id,
      before,
      after,
    });
  }
}
