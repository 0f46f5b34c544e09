import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import {
  AssignmentEntity,
  type OfficerEntity,
  SimCardEntity,
  SimInstallationEntity,
} from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, type LocalizedText } from '@fleet/server/platform';
import { type DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { SimCardsService } from '../sim-cards/sim-cards.service';
import { officerScope } from '../shared/officer-scope';
import { toAssignmentDto, toInstallationDto } from './custody.mapper';

const PG_EXCLUSION_VIOLATION = '23P01';

interface ConstraintConflict {
  text: LocalizedText;
  field?: string;
}

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

/**
 * Runs custody work in one transaction. The database's unique indexes and exclusion constraints are
 * the last word on overlapping history (two admins at once, back-dated events); a violation the
 * checks before the write could not see still answers a 409 that says what collided.
 */
async function inTransaction<T>(
  dataSource: DataSource,
  conflicts: Readonly<Record<string, ConstraintConflict>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (!(error instanceof QueryFailedError)) throw error;
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    const known = constraint ? conflicts[constraint] : undefined;
    if (known) throw ApiException.conflict(known.text, known.field);
    if (code === PG_EXCLUSION_VIOLATION) {
      throw ApiException.conflict({
        zh: '与已有的历史记录时间重叠',
        en: 'Overlaps the existing history',
      });
    }
    throw error;
  }
}

/** A kind of custody interval: a device with an officer, or a SIM in a device's slot. */
export interface IntervalKind<E extends AssignmentEntity | SimInstallationEntity, D> {
  entity: new () => E;
  resource: 'assignments' | 'sim-installations';
  toDto: (interval: E) => D;
}
export const ASSIGNMENTS: IntervalKind<AssignmentEntity, AssignmentDto> = {
  entity: AssignmentEntity,
  resource: 'assignments',
  toDto: toAssignmentDto,
};
export const INSTALLATIONS: IntervalKind<SimInstallationEntity, SimInstallationDto> = {
  entity: SimInstallationEntity,
  resource: 'sim-installations',
  toDto: toInstallationDto,
};

export const who = (o: OfficerEntity) => ({
  zh: `${o.name}（警号 ${o.badgeNo}）`,
  en: `${o.name} (badge ${o.badgeNo})`,
});

/**
 * The custody tables (assignments, SIM installations) and the SIM's current slot: the only custody
 * code that touches TypeORM. Every write is audited in the same transaction; history is never deleted.
 */
@Injectable()
export class CustodyStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sims: SimCardsService,
  ) {}

  /**
   * Custody work in its own transaction, or in the caller's when given (a repair ticket hands out a
   * loaner and moves SIMs in one transaction), where a constraint violation fails the caller's work.
   */
  run<T>(within: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : inTransaction(this.dataSource, CONFLICTS, work);
  }

  /** Another device the officer holds at the moment, if any. */
  heldElsewhere(
    manager: EntityManager,
    officerId: number,
    deviceId: number,
    at: Date,
  ): Promise<AssignmentEntity | null> {
    return manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .innerJoinAndSelect('a.device', 'd')
      .where('a.officerId = :officerId AND a.deviceId <> :deviceId AND a.voidedAt IS NULL', {
        officerId,
        deviceId,
      })
      .andWhere('(a.endAt IS NULL OR a.endAt > :at)', { at })
      .getOne();
  }

  openAssignment(manager: EntityManager, deviceId: number): Promise<AssignmentEntity | null> {
    return manager.findOne(AssignmentEntity, {
      where: { deviceId, endAt: IsNull(), voidedAt: IsNull() },
      relations: { officer: true },
    });
  }

  openInstallation(
    manager: EntityManager,
    where: { simId: number } | { deviceId: number; slot: number },
  ): Promise<SimInstallationEntity | null> {
    return manager.findOne(SimInstallationEntity, {
      where: { ...where, endAt: IsNull(), voidedAt: IsNull() },
      relations: { sim: true, device: true },
    });
  }

  /** Opens an interval, with its audit row. */
  async open<E extends AssignmentEntity | SimInstallationEntity, D>(
    manager: EntityManager,
    actor: Actor,
    kind: IntervalKind<E, D>,
    values: Partial<E>,
  ): Promise<D> {
    const interval: E = await manager.save(manager.create(kind.entity, values as never));
    const after = kind.toDto(interval);
    await this.audit.record(manager, {
      actor,
      action: 'create',
      resource: kind.resource,
      resourceId: interval.id,
      after,
    });
    return after;
  }

  /** An interval locked for a change; void and accept refuse one already voided. */
  async lockInterval<E extends AssignmentEntity | SimInstallationEntity, D>(
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
  async changeInterval<E extends AssignmentEntity | SimInstallationEntity, D>(
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

  /** Moves the SIM's current device and slot with the installation, audited. */
  async moveSim(
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
