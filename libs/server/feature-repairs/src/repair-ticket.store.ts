import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextDeviceStatus, type DeviceEvent } from '@fleet/domain/inventory';
import {
  isOpenRepairStatus,
  OPEN_REPAIR_STATUSES,
  repairTransitionAllowed,
  repairTransitionRefusal,
  REPAIR_STATUS_LABELS,
  type RepairStatus,
} from '@fleet/domain/repairs';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import {
  type AssignmentEntity,
  type DeviceEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  type SimCardEntity,
} from '@fleet/server/persistence';
import {
  DEVICE_STATUS_NAMES,
  DeviceStatusWriter,
  InventoryLookupReader,
} from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import {
  type Actor,
  ApiException,
  AuditService,
  findList,
  type ListQuery,
  type ListResult,
  Notifier,
} from '@fleet/server/platform';
import {
  Brackets,
  type DataSource,
  type EntityManager,
  type FindOptionsOrder,
  In,
  QueryFailedError,
} from 'typeorm';
import { repairStatusNote } from './repair-notes';
import { toRepairTicketDto } from './repair-ticket.mapper';

export const REPAIR_RESOURCE = 'repair-tickets';

const PG_UNIQUE_VIOLATION = '23505';
const PG_EXCLUSION_VIOLATION = '23P01';

/** The officer an officer login is limited to (their own tickets), or null for staff. */
export function officerScope(actor: Actor): number | null {
  return actor.role === 'officer' ? (actor.officerId ?? -1) : null;
}

/** Whether an officer login may see the ticket: they reported it, held the device, or pay for it. */
export function visibleTo(actor: Actor, t: RepairTicketEntity): boolean {
  const scope = officerScope(actor);
  return scope === null || [t.reportedByOfficerId, t.holderOfficerId, t.liableOfficerId].includes(scope);
}

/**
 * What every repair action shares: one transaction (a constraint a check missed still answers 409),
 * the ticket loaded locked and scoped to the caller, status moves only as the flow allows with an
 * event row for each, device status changes with their audit rows, and the ticket's audit row.
 */
@Injectable()
export class RepairTicketStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly notifier: Notifier,
    private readonly inventory: InventoryLookupReader,
    private readonly org: OrgLookupReader,
  ) {}

  /** The manager of reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      const { code, constraint } = error.driverError as { code?: string; constraint?: string };
      if (constraint === 'repair_tickets_open_per_device') {
        throw ApiException.conflict({
          zh: '该终端已有未结的维修单',
          en: 'The device already has an open repair ticket',
        });
      }
      if (code === PG_EXCLUSION_VIOLATION || code === PG_UNIQUE_VIOLATION) {
        throw ApiException.conflict({
          zh: '与已有的领用或装卡记录冲突',
          en: 'Collides with the existing custody history',
        });
      }
      throw error;
    }
  }

  /** The ticket, locked when asked; one the caller may not see answers 404 like a missing one. */
  async load(
    manager: EntityManager,
    actor: Actor,
    id: number,
    forUpdate = false,
  ): Promise<RepairTicketEntity> {
    const ticket = await manager.findOne(RepairTicketEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!ticket || !visibleTo(actor, ticket)) throw ApiException.notFound(REPAIR_RESOURCE, id);
    return ticket;
  }

  async toDto(manager: EntityManager, ticket: RepairTicketEntity): Promise<RepairTicketDto> {
    const device = await this.inventory.device(ticket.deviceId, manager);
    return toRepairTicketDto(ticket, device.imei1);
  }

  /**
   * Loads the ticket locked, lets `work` change it, saves it and audits before and after, in one
   * transaction. `work` moves the status with `transition`.
   */
  change(
    id: number,
    actor: Actor,
    work: (manager: EntityManager, ticket: RepairTicketEntity) => Promise<void>,
  ): Promise<RepairTicketDto> {
    return this.write(async (manager) => {
      const ticket = await this.load(manager, actor, id, true);
      const before = await this.toDto(manager, ticket);
      await work(manager, ticket);
      const saved = await manager.save(ticket);
      const after = await this.toDto(manager, saved);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: REPAIR_RESOURCE,
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Refuses (409, naming both statuses) a move the flow does not allow. */
  requireTransition(ticket: RepairTicketEntity, to: RepairStatus): void {
    if (!repairTransitionAllowed(ticket.status, to)) {
      throw ApiException.conflict(repairTransitionRefusal(ticket.status, to));
    }
  }

  /** Refuses a change to a closed or cancelled ticket. */
  requireOpen(ticket: RepairTicketEntity): void {
    if (!isOpenRepairStatus(ticket.status)) {
      const label = REPAIR_STATUS_LABELS[ticket.status];
      throw ApiException.conflict({
        zh: `维修单 ${ticket.ticketNo} 已${label.zh.replace(/^已/, '')}，不能再修改`,
        en: `Repair ticket ${ticket.ticketNo} is ${ticket.status} and cannot be changed`,
      });
    }
  }

  /** Moves the ticket's status (the flow allowing it) and writes the event row. */
  async transition(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    to: RepairStatus,
    actor: Actor,
    at: Date,
    note: string | null = null,
  ): Promise<void> {
    this.requireTransition(ticket, to);
    const from = ticket.status;
    ticket.status = to;
    await this.event(manager, ticket.id, from, to, actor, at, note);
    await this.notifier.toOfficers(manager, [repairStatusNote(ticket)]);
  }

  async event(
    manager: EntityManager,
    ticketId: number,
    fromStatus: RepairStatus | null,
    toStatus: RepairStatus,
    actor: Actor,
    at: Date,
    note: string | null,
  ): Promise<void> {
    await manager.insert(RepairTicketEventEntity, {
      ticketId,
      fromStatus,
      toStatus,
      at,
      userId: actor.userId,
      note: note?.slice(0, 1000) ?? null,
    });
  }

  /** A device event of a repair (repair_in, repair_out, retire): its status moves, audited. */
  async moveDevice(
    manager: EntityManager,
    actor: Actor,
    deviceId: number,
    event: DeviceEvent,
    field = 'deviceId',
  ): Promise<void> {
    const device = await this.deviceStatus.lock(manager, deviceId);
    const status = nextDeviceStatus(device.status, event);
    if (status === null) {
      const text = DEVICE_STATUS_NAMES[device.status];
      throw ApiException.conflict(
        {
          zh: `终端（编号 ${device.id}，IMEI1 ${device.imei1}）状态为「${text.zh}」，不能${EVENT_TEXT[event].zh}`,
          en: `Device ${device.id} (IMEI 1 ${device.imei1}) is ${text.en} and cannot be ${EVENT_TEXT[event].en}`,
        },
        field,
      );
    }
    const currentOfficerId = status === 'assigned' ? device.currentOfficerId : null;
    await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId }, `repair ${event}`);
  }

  /** A device locked for the ticket's work in the caller's transaction, or null when there is none. */
  lockDevice(manager: EntityManager, id: number): Promise<DeviceEntity | null> {
    return this.inventory.lockDevice(manager, id);
  }

  openTicket(manager: EntityManager, deviceId: number): Promise<RepairTicketEntity | null> {
    return manager.findOneBy(RepairTicketEntity, { deviceId, status: In([...OPEN_REPAIR_STATUSES]) });
  }

  /** The device's open assignment: the intake ends it. */
  openAssignment(manager: EntityManager, deviceId: number): Promise<AssignmentEntity | null> {
    return this.inventory.openAssignment(deviceId, manager);
  }

  simsIn(
    manager: EntityManager,
    deviceId: number,
    order?: FindOptionsOrder<SimCardEntity>,
  ): Promise<SimCardEntity[]> {
    return this.inventory.simsIn(deviceId, order, manager);
  }

  /** Those of the SIMs that are still in the device. */
  simsByIds(manager: EntityManager, ids: number[], deviceId: number): Promise<SimCardEntity[]> {
    return this.inventory.simsByIds(ids, deviceId, manager);
  }

  deviceExists(manager: EntityManager, id: number): Promise<boolean> {
    return this.inventory.deviceExists(id, manager);
  }

  device(manager: EntityManager, id: number): Promise<DeviceEntity> {
    return this.inventory.device(id, manager);
  }

  officerExists(manager: EntityManager, id: number): Promise<boolean> {
    return this.org.officerExists(id, manager);
  }

  /** The last event that moved the ticket to the status, if any. */
  lastEvent(
    manager: EntityManager,
    ticketId: number,
    toStatus: RepairStatus,
  ): Promise<RepairTicketEventEntity | null> {
    return manager.findOne(RepairTicketEventEntity, { where: { ticketId, toStatus }, order: { id: 'DESC' } });
  }

  /**
   * A new ticket: the number holds the id, so it is written once the row has one, in the same
   * transaction. Returns the saved ticket.
   */
  async create(
    manager: EntityManager,
    values: Omit<Partial<RepairTicketEntity>, 'ticketNo'>,
    numberOf: (id: number) => string,
  ): Promise<RepairTicketEntity> {
    const inserted = await manager.insert(RepairTicketEntity, {
      ...values,
      ticketNo: `TMP-${randomUUID().slice(0, 16)}`,
    });
    const id = (inserted.identifiers[0] as { id: number }).id;
    await manager.update(RepairTicketEntity, id, { ticketNo: numberOf(id) });
    return manager.findOneByOrFail(RepairTicketEntity, { id });
  }

  record(manager: EntityManager, entry: Parameters<AuditService['record']>[1]): Promise<void> {
    return this.audit.record(manager, entry);
  }

  /**
   * A page of tickets: the list convention over the columns, and what is not one column as ids the
   * owners' readers found (officers under units, devices by IMEI).
   */
  list(query: ListQuery, where: TicketListConditions): Promise<ListResult<RepairTicketEntity>> {
    const builder = this.manager.getRepository(RepairTicketEntity).createQueryBuilder('e');
    if (where.scope !== null) {
      builder.andWhere(
        '(e.reportedByOfficerId = :scope OR e.holderOfficerId = :scope OR e.liableOfficerId = :scope)',
        { scope: where.scope },
      );
    }
    for (const officers of where.officers) {
      builder.andWhere(
        '(e.reportedByOfficerId IN (:...officers) OR e.holderOfficerId IN (:...officers) OR e.liableOfficerId IN (:...officers))',
        { officers },
      );
    }
    for (const holders of where.holders) {
      builder.andWhere('e.holderOfficerId = ANY(CAST(:holders AS int[]))', { holders });
    }
    if (where.search) {
      const { pattern: q, deviceIds } = where.search;
      builder.andWhere(
        new Brackets((inner) => {
          inner
            .where('e.fault ILIKE :q', { q })
            .orWhere('e.ticketNo ILIKE :q', { q })
            .orWhere('e.deviceId = ANY(CAST(:deviceIds AS int[]))', { deviceIds });
        }),
      );
    }
    return findList(REPAIR_RESOURCE, builder, query);
  }

  /** The ticket's events in the order they happened. */
  events(ticketId: number): Promise<RepairTicketEventEntity[]> {
    return this.manager.find(RepairTicketEventEntity, {
      where: { ticketId },
      order: { at: 'ASC', id: 'ASC' },
    });
  }
}

/** What narrows the ticket list besides its columns (each list of ids from the owner's reader). */
export interface TicketListConditions {
  /** The officer an officer login is limited to, or null for staff. */
  scope: number | null;
  /** Each a set of officers who reported, held or pay for the ticket. */
  officers: number[][];
  /** Each a set of officers who held the device (the officers of a unit and the units under it). */
  holders: number[][];
  /** The search: the fault or ticket number matching the pattern, or a device with a matching IMEI. */
  search: { pattern: string; deviceIds: number[] } | null;
}

const EVENT_TEXT: Record<DeviceEvent, { zh: string; en: string }> = {
  assign: { zh: '领用', en: 'assigned' },
  return: { zh: '归还', en: 'returned' },
  repair_in: { zh: '送修', en: 'taken in for repair' },
  repair_out: { zh: '修复入库', en: 'put back in stock' },
  lost: { zh: '报失', en: 'reported lost' },
  found: { zh: '找回', en: 'found' },
  retire: { zh: '报废', en: 'retired' },
};
