import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { chinaDateOf, isInWarranty, nextDeviceStatus, warrantyEndOn } from '@fleet/domain/inventory';
import { identifierErrorMessage, parseImei } from '@fleet/domain/identifiers';
import {
  OPEN_REPAIR_STATUSES,
  repairApprovalCauses,
  REPAIR_APPROVAL_LABELS,
  repairChargePeriod,
  repairLiability,
  repairTicketNo,
  REPAIR_CAUSE_LABELS,
  LIABLE_PARTY_LABELS,
  REPAIR_STATUS_LABELS,
} from '@fleet/domain/repairs';
import type { RepairEventDto, RepairIntakeLookupDto, RepairTicketDto } from '@fleet/shared/contracts';
import {
  AssignmentEntity,
  DeviceEntity,
  OfficerEntity,
  RepairPhotoEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  SimCardEntity,
  UnitEntity,
  UserEntity,
} from '@fleet/server/persistence';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { CustodyHistoryService, CustodyService } from '@fleet/server/feature-inventory';
import {
  type Actor,
  ApiException,
  findList,
  type FilterSpec,
  type ListQuery,
  type ListResult,
  type ListSpec,
  type PrintDocument,
} from '@fleet/server/platform';
import { Brackets, type EntityManager, In, IsNull } from 'typeorm';
import type {
  ApprovalBody,
  CancelBody,
  CloseBody,
  DiagnoseBody,
  IntakeBody,
  LiabilityOverrideBody,
  ReturnBody,
  SendBody,
  UpdateBody,
} from './repair-ticket.dto';
import { toRepairEventDto, toRepairTicketDto } from './repair-ticket.mapper';
import { DEVICE_STATUS_TEXT, officerScope, REPAIR_RESOURCE, RepairTicketStore } from './repair-ticket.store';
import { type RepairReceiptData, renderRepairReceipt } from './repair-receipt.html';

/** Filters that are not one column: the officer (reporter, holder or liable) and the holder's unit. */
const OFFICER_FILTER: FilterSpec = { property: 'holderOfficerId', type: 'int' };
const UNIT_FILTER: FilterSpec = { property: 'holderOfficerId', type: 'int' };

export const REPAIR_TICKET_LIST: ListSpec = {
  resource: REPAIR_RESOURCE,
  sortable: [
    'id',
    'ticketNo',
    'deviceId',
    'status',
    'reportedAt',
    'cause',
    'liability',
    'quoteFen',
    'costFen',
    'closedAt',
    'updatedAt',
    'approvalStatus',
  ],
  defaultSort: ['reportedAt', 'DESC'],
  filters: {
    status: { property: 'status', type: 'string' },
    cause: { property: 'cause', type: 'string' },
    liability: { property: 'liability', type: 'string' },
    deviceId: { property: 'deviceId', type: 'int' },
    chargePeriod: { property: 'chargePeriod', type: 'string' },
    // 待复核: the charges waiting for a second admin (issue 12 item 9).
    approvalStatus: { property: 'approvalStatus', type: 'string' },
    officerId: OFFICER_FILTER,
    unitId: UNIT_FILTER,
  },
  // q also matches the device's IMEIs and the ticket number (see listFor).
  search: ['fault'],
};

/**
 * The moment whose holder is liable for damage by people: when it was damaged, else just before the
 * report (the intake ends the holder's assignment at the report, and an interval's end is exclusive).
 */
function damageMoment(damagedAt: Date | null, reportedAt: Date): Date {
  const beforeReport = new Date(reportedAt.getTime() - 1);
  return damagedAt && damagedAt.getTime() < reportedAt.getTime() ? damagedAt : beforeReport;
}

/** A charge that needs no second pair of eyes. */
const NO_APPROVAL = {
  approvalStatus: null,
  approvalCauses: [],
  approvalRequestedByUserId: null,
  approvalDecidedByUserId: null,
  approvalDecidedAt: null,
  approvalReason: null,
} satisfies Partial<RepairTicketEntity>;

const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);
const ids = (value: unknown): number[] => (Array.isArray(value) ? value : [value]).map(Number);

/**
 * Repair tickets (维修单): intake, the status flow with its events, diagnosis and liability, the
 * admin's override, sending out, the outcome and closing with the final cost. Every action is one
 * transaction with its audit rows; an officer sees and reports only their own.
 */
@Injectable()
export class RepairTicketsService {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly custody: CustodyService,
    private readonly history: CustodyHistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get manager(): EntityManager {
    return this.store.dataSource.manager;
  }

  async listFor(actor: Actor, query: ListQuery): Promise<ListResult<RepairTicketDto>> {
    const builder = this.manager.getRepository(RepairTicketEntity).createQueryBuilder('e');
    const scope = officerScope(actor);
    if (scope !== null) {
      builder.andWhere(
        '(e.reportedByOfficerId = :scope OR e.holderOfficerId = :scope OR e.liableOfficerId = :scope)',
        { scope },
      );
    }
    for (const { spec, value } of query.filters) {
      if (spec === OFFICER_FILTER) {
        builder.andWhere(
          '(e.reportedByOfficerId IN (:...officers) OR e.holderOfficerId IN (:...officers) OR e.liableOfficerId IN (:...officers))',
          { officers: ids(value) },
        );
      } else if (spec === UNIT_FILTER) {
        // The holder's unit or any unit under it.
        builder.andWhere(
          `e.holderOfficerId IN (SELECT o.id FROM officers o WHERE o.unit_id IN (
             WITH RECURSIVE tree(id) AS (
               SELECT id FROM units WHERE id IN (:...units)
               UNION SELECT c.id FROM units c JOIN tree ON c.parent_id = tree.id)
             SELECT id FROM tree))`,
          { units: ids(value) },
        );
      }
    }
    if (query.q) {
      const q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((where) => {
          where
            .where('e.fault ILIKE :q', { q })
            .orWhere('e.ticketNo ILIKE :q', { q })
            .orWhere('e.deviceId IN (SELECT d.id FROM devices d WHERE d.imei1 LIKE :q OR d.imei2 LIKE :q)', {
              q,
            });
        }),
      );
    }
    const columns = query.filters.filter((f) => f.spec !== OFFICER_FILTER && f.spec !== UNIT_FILTER);
    const page = await findList(REPAIR_RESOURCE, builder, { ...query, filters: columns, q: null });
    const imeis = await this.imeis(page.items.map((t) => t.deviceId));
    return page.map((t) => toRepairTicketDto(t, imeis.get(t.deviceId) ?? ''));
  }

  async getFor(actor: Actor, id: number): Promise<RepairTicketDto> {
    return this.store.toDto(this.manager, await this.store.load(this.manager, actor, id));
  }

  async events(actor: Actor, id: number): Promise<RepairEventDto[]> {
    await this.store.load(this.manager, actor, id);
    const events = await this.manager.find(RepairTicketEventEntity, {
      where: { ticketId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
    const userIds = [...new Set(events.map((e) => e.userId).filter((u): u is number => u !== null))];
    const users = userIds.length ? await this.manager.findBy(UserEntity, { id: In(userIds) }) : [];
    const names = new Map(users.map((u) => [u.id, u.username]));
    return events.map((e) => toRepairEventDto(e, e.userId === null ? null : (names.get(e.userId) ?? null)));
  }

  /** What the intake page shows for a scanned or typed IMEI (either slot's). */
  async intakeLookup(imei: string, now: Date): Promise<RepairIntakeLookupDto> {
    const parsed = parseImei(imei);
    if (!parsed.ok) {
      const detail = { length: parsed.length };
      throw bad(
        'imei',
        identifierErrorMessage('imei', parsed.reason, 'zh', detail),
        identifierErrorMessage('imei', parsed.reason, 'en', detail),
      );
    }
    const device = await this.manager.findOne(DeviceEntity, {
      where: [{ imei1: parsed.value }, { imei2: parsed.value }],
    });
    if (!device) throw ApiException.notFound('devices', parsed.value);
    const holder = device.currentOfficerId
      ? await this.manager.findOneBy(OfficerEntity, { id: device.currentOfficerId })
      : null;
    const unit = holder ? await this.manager.findOneBy(UnitEntity, { id: holder.unitId }) : null;
    const sims = await this.manager.find(SimCardEntity, {
      where: { deviceId: device.id },
      order: { slot: 'ASC' },
    });
    const open = await this.openTicket(this.manager, device.id);
    const end = warrantyEndOn(device.receivedOn);
    return {
      deviceId: device.id,
      imei: device.imei1,
      imei2: device.imei2,
      model: device.model,
      status: device.status,
      holderOfficerId: holder?.id ?? null,
      holderName: holder?.name ?? null,
      holderBadgeNo: holder?.badgeNo ?? null,
      holderUnitName: unit?.name ?? null,
      sims: sims.map((s) => ({ simId: s.id, slot: s.slot ?? 0, msisdn: s.msisdn })),
      warrantyEndOn: end,
      inWarrantyToday: isInWarranty(chinaDateOf(now), end),
      openTicketId: open?.id ?? null,
    };
  }

  /**
   * Takes a device in for repair: the ticket with the holder at the damage (or report) from the custody
   * history and the warranty at the report; the phone leaves its holder's hands (the assignment ends at
   * the intake) and the device is in repair. One open ticket per device.
   */
  intake(body: IntakeBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.write(async (manager) => {
      const device = await manager.findOne(DeviceEntity, {
        where: { id: body.deviceId },
        lock: { mode: 'pessimistic_write' },
      });
      const scope = officerScope(actor);
      if (scope !== null && device?.currentOfficerId !== scope) {
        throw ApiException.notFound('devices', body.deviceId);
      }
      if (!device) throw bad('deviceId', '终端不存在', 'No such device');
      const reportedAt = body.reportedAt ? new Date(body.reportedAt) : now;
      if (reportedAt.getTime() > now.getTime()) {
        throw bad('reportedAt', '报修时间不能晚于当前时间', 'The report cannot be in the future');
      }
      if (chinaDateOf(reportedAt) < device.receivedOn) {
        throw bad(
          'reportedAt',
          `报修时间不能早于终端收货日期 ${device.receivedOn}`,
          `The report cannot be before the device was received (${device.receivedOn})`,
        );
      }
      const damagedAt = body.damagedAt ? new Date(body.damagedAt) : null;
      if (damagedAt && damagedAt.getTime() > reportedAt.getTime()) {
        throw bad('damagedAt', '损坏时间不能晚于报修时间', 'The damage cannot be after the report');
      }
      const open = await this.openTicket(manager, device.id);
      if (open) {
        throw ApiException.conflict({
          zh: `该终端已有未结的维修单 ${open.ticketNo}（${REPAIR_STATUS_LABELS[open.status].zh}），请在该单上处理`,
          en: `The device already has open repair ticket ${open.ticketNo} (${open.status}); work on that one`,
        });
      }
      if (nextDeviceStatus(device.status, 'repair_in') === null) {
        throw ApiException.conflict(
          {
            zh: `终端状态为「${DEVICE_STATUS_TEXT[device.status].zh}」，不能送修`,
            en: `The device is ${DEVICE_STATUS_TEXT[device.status].en} and cannot be taken in for repair`,
          },
          'deviceId',
        );
      }
      const reporter = await this.reporter(manager, body, actor, device);
      const holder = await this.history.holderAt(device.id, damageMoment(damagedAt, reportedAt), manager);
      const end = warrantyEndOn(device.receivedOn);

      // The ticket number holds the id: written once the row has one, in the same transaction.
      const inserted = await manager.insert(RepairTicketEntity, {
        ticketNo: `TMP-${randomUUID().slice(0, 16)}`,
        deviceId: device.id,
        status: 'received',
        reportedAt,
        reportedByOfficerId: reporter,
        holderOfficerId: holder.officerId,
        fault: body.fault,
        accessories: body.accessories ?? [],
        condition: body.condition || null,
        notes: body.notes || null,
        damagedAt,
        warrantyEndOn: end,
        inWarranty: isInWarranty(chinaDateOf(reportedAt), end),
        createdByUserId: actor.userId,
      });
      const id = (inserted.identifiers[0] as { id: number }).id;
      const ticketNo = repairTicketNo(id, reportedAt);
      await manager.update(RepairTicketEntity, id, { ticketNo });
      await this.store.event(manager, id, null, 'received', actor, reportedAt, body.fault);

      // The phone leaves its holder's hands at the intake.
      const assignment = await manager.findOne(AssignmentEntity, {
        where: { deviceId: device.id, endAt: IsNull(), voidedAt: IsNull() },
      });
      if (assignment) {
        if (assignment.startAt.getTime() >= reportedAt.getTime()) {
          throw bad(
            'reportedAt',
            `报修时间应晚于当前领用的开始时间（${assignment.startAt.toISOString()}）`,
            `The report must be after the current handover (${assignment.startAt.toISOString()})`,
          );
        }
        await this.custody.giveBack(
          device.id,
          {
            at: reportedAt.toISOString(),
            condition: body.condition || `送修（维修单 ${ticketNo}）`,
          },
          actor,
          now,
          manager,
        );
      }
      await this.store.moveDevice(manager, actor, device.id, 'repair_in');

      const saved = await manager.findOneByOrFail(RepairTicketEntity, { id });
      const after = toRepairTicketDto(saved, device.imei1);
      await this.store.record(manager, {
        actor,
        action: 'create',
        resource: REPAIR_RESOURCE,
        resourceId: id,
        after,
      });
      return after;
    });
  }

  /** The desk's corrections while the ticket is open: fault, accessories, condition, quote, notes. */
  update(id: number, body: UpdateBody, actor: Actor): Promise<RepairTicketDto> {
    return this.store.change(id, actor, (_manager, ticket) => {
      this.store.requireOpen(ticket);
      if (body.fault !== undefined) ticket.fault = body.fault;
      if (body.accessories !== undefined) ticket.accessories = body.accessories;
      if (body.condition !== undefined) ticket.condition = body.condition || null;
      if (body.quoteFen !== undefined) ticket.quoteFen = body.quoteFen;
      if (body.notes !== undefined) ticket.notes = body.notes || null;
      return Promise.resolve();
    });
  }

  /**
   * Records the cause found and sets the liability by the rule (§3.2): the holder when the damage
   * happened (custody history at damagedAt, else at the report) and the warranty at the report.
   */
  diagnose(id: number, body: DiagnoseBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'diagnosed');
      const damagedAt = body.damagedAt ? new Date(body.damagedAt) : ticket.damagedAt;
      if (damagedAt && damagedAt.getTime() > ticket.reportedAt.getTime()) {
        throw bad('damagedAt', '损坏时间不能晚于报修时间', 'The damage cannot be after the report');
      }
      const holder = await this.history.holderAt(
        ticket.deviceId,
        damageMoment(damagedAt, ticket.reportedAt),
        manager,
      );
      const liability = repairLiability({
        cause: body.cause,
        reportedOn: chinaDateOf(ticket.reportedAt),
        warrantyEndOn: ticket.warrantyEndOn,
        holderOfficerId: holder.officerId,
      });
      Object.assign(ticket, {
        cause: body.cause,
        diagnosis: body.diagnosis,
        damagedAt,
        holderOfficerId: holder.officerId,
        inWarranty: liability.inWarranty,
        liability: liability.party,
        liableOfficerId: liability.officerId,
        liabilityReason: liability.reason.zh,
        liabilityReasonEn: liability.reason.en,
        liabilityOverridden: false,
        ...NO_APPROVAL,
        ...(body.quoteFen !== undefined ? { quoteFen: body.quoteFen } : {}),
      });
      const note = `${REPAIR_CAUSE_LABELS[body.cause].zh}；${LIABLE_PARTY_LABELS[liability.party].zh}：${liability.reason.zh}`;
      await this.store.transition(manager, ticket, 'diagnosed', actor, now, note);
    });
  }

  /** An admin changes the liable party with a written reason; the audit row keeps before, after and why. */
  overrideLiability(id: number, body: LiabilityOverrideBody, actor: Actor): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      if (ticket.status === 'cancelled') this.store.requireOpen(ticket);
      if (ticket.cause === null) {
        throw ApiException.conflict({
          zh: `维修单 ${ticket.ticketNo} 尚未诊断，请先诊断再调整责任方`,
          en: `Repair ticket ${ticket.ticketNo} is not diagnosed yet: diagnose it before changing the liable party`,
        });
      }
      let officerId: number | null = null;
      if (body.liability === 'officer') {
        if (body.liableOfficerId == null) {
          throw bad(
            'liableOfficerId',
            '责任方为警员时须指定警员',
            'Name the officer when the officer is liable',
          );
        }
        if (!(await manager.existsBy(OfficerEntity, { id: body.liableOfficerId }))) {
          throw bad('liableOfficerId', '警员不存在', 'No such officer');
        }
        officerId = body.liableOfficerId;
      } else if (body.liableOfficerId != null) {
        throw bad(
          'liableOfficerId',
          '责任方不是警员时不能指定警员',
          'Name an officer only when the officer is liable',
        );
      }
      ticket.liability = body.liability;
      ticket.liableOfficerId = officerId;
      ticket.liabilityReason = body.reason;
      ticket.liabilityReasonEn = body.reason;
      ticket.liabilityOverridden = true;
      // Any override waits for a second admin (issue 12 item 9), whoever asked for an earlier one.
      this.requestApproval(ticket, actor);
    });
  }

  send(id: number, body: SendBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'sent_out');
      ticket.vendor = body.vendor;
      ticket.trackingNote = body.trackingNote;
      await this.store.transition(
        manager,
        ticket,
        'sent_out',
        actor,
        now,
        `${body.vendor}：${body.trackingNote}`,
      );
    });
  }

  /**
   * The device is back: repaired (back in stock, to be handed to its holder again), replaced by a new
   * phone (the old one retired, its SIMs moved into the new one) or beyond repair (retired, its SIMs
   * taken out).
   */
  returnDevice(id: number, body: ReturnBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, body.outcome);
      if (body.finalCostFen != null) ticket.costFen = body.finalCostFen;
      const sims = await manager.find(SimCardEntity, { where: { deviceId: ticket.deviceId } });
      if (body.outcome === 'replaced') {
        const replacement = await this.replacement(manager, ticket, body.replacementDeviceId);
        ticket.replacementDeviceId = replacement.id;
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'retire');
        for (const sim of sims) {
          await this.custody.remove(sim.id, {}, actor, now, manager);
          await this.custody.install(
            sim.id,
            { deviceId: replacement.id, slot: sim.slot as 1 | 2 },
            actor,
            now,
            manager,
          );
        }
      } else if (body.replacementDeviceId != null) {
        throw bad(
          'replacementDeviceId',
          '只有换机时才填写新终端',
          'A replacement device is given only when replaced',
        );
      } else if (body.outcome === 'returned') {
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'repair_out');
      } else {
        await this.store.moveDevice(manager, actor, ticket.deviceId, 'retire');
        for (const sim of sims) await this.custody.remove(sim.id, {}, actor, now, manager);
      }
      await this.store.transition(manager, ticket, body.outcome, actor, now, body.note || null);
    });
  }

  /** Books the final cost and closes: the charge goes on the statements of the month it closes in. */
  close(id: number, body: CloseBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'closed');
      const cost = body.finalCostFen ?? ticket.costFen;
      if (cost === null || cost === undefined) {
        throw bad('finalCostFen', '请填写最终费用（分）', 'Give the final cost (fen)');
      }
      this.requireLoanerBack(ticket);
      ticket.costFen = cost;
      ticket.closedAt = now;
      ticket.chargePeriod = repairChargePeriod(now);
      this.reviewClosedCharge(ticket, actor);
      await this.store.transition(manager, ticket, 'closed', actor, now, `¥${(cost / 100).toFixed(2)}`);
    });
  }

  /**
   * A second admin approves the charge (or the override) that waits; it reaches the statements of its
   * month at the month's next close. Whoever asked for it (or closed the ticket at that cost) may not.
   */
  approve(id: number, body: ApprovalBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      await this.requireSecondPair(manager, ticket, actor, 'approve');
      Object.assign(ticket, {
        approvalStatus: 'approved',
        approvalDecidedByUserId: actor.userId,
        approvalDecidedAt: now,
        approvalReason: body.reason || null,
      });
    });
  }

  /** A second admin rejects the waiting charge, with a reason: it stays off every statement. */
  reject(id: number, body: ApprovalBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      if (!body.reason) throw bad('reason', '驳回须写明理由', 'Give the reason for the rejection');
      await this.requireSecondPair(manager, ticket, actor, 'reject');
      Object.assign(ticket, {
        approvalStatus: 'rejected',
        approvalDecidedByUserId: actor.userId,
        approvalDecidedAt: now,
        approvalReason: body.reason,
      });
    });
  }

  private causesOf(ticket: RepairTicketEntity) {
    return repairApprovalCauses({
      liability: ticket.liability,
      costFen: ticket.costFen,
      liabilityOverridden: ticket.liabilityOverridden,
      thresholdFen: this.config.repairApprovalThresholdFen,
    });
  }

  /** The charge waits from now on, asked for by this actor; an earlier decision no longer stands. */
  private requestApproval(ticket: RepairTicketEntity, actor: Actor): void {
    Object.assign(ticket, {
      ...NO_APPROVAL,
      approvalStatus: 'pending',
      approvalCauses: this.causesOf(ticket),
      approvalRequestedByUserId: actor.userId,
    });
  }

  /**
   * At the close: an officer-liable cost above the threshold waits (asked for by whoever closes, unless
   * an override already waits, whose requester stays); an override's own approval or rejection stands
   * when the cost adds nothing to approve; otherwise the charge goes straight through.
   */
  private reviewClosedCharge(ticket: RepairTicketEntity, actor: Actor): void {
    const causes = this.causesOf(ticket);
    if (!causes.length) {
      Object.assign(ticket, NO_APPROVAL);
    } else if (ticket.approvalStatus === 'pending') {
      ticket.approvalCauses = causes;
    } else if (!causes.includes('amount') && ticket.approvalStatus !== null) {
      ticket.approvalCauses = causes;
    } else {
      this.requestApproval(ticket, actor);
    }
  }

  /**
   * Refuses 409 when nothing waits, and 403 (naming why) when the approver asked for it, made the
   * override or closed the ticket at the cost that waits: four eyes are two people.
   */
  private async requireSecondPair(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    actor: Actor,
    verb: 'approve' | 'reject',
  ): Promise<void> {
    if (ticket.approvalStatus !== 'pending') {
      const state = ticket.approvalStatus ? REPAIR_APPROVAL_LABELS[ticket.approvalStatus] : null;
      throw ApiException.conflict({
        zh: `维修单 ${ticket.ticketNo} 没有待复核的费用${state ? `（${state.zh}）` : ''}`,
        en: `Repair ticket ${ticket.ticketNo} has no charge awaiting approval${state ? ` (${state.en})` : ''}`,
      });
    }
    const closer =
      ticket.status === 'closed' && ticket.approvalCauses.includes('amount')
        ? await manager.findOne(RepairTicketEventEntity, {
            where: { ticketId: ticket.id, toStatus: 'closed' },
            order: { id: 'DESC' },
          })
        : null;
    const own = [ticket.approvalRequestedByUserId, closer?.userId ?? null].includes(actor.userId);
    if (own) {
      const zhVerb = verb === 'approve' ? '批准' : '驳回';
      throw new ApiException(HttpStatus.FORBIDDEN, {
        zh: `不能${zhVerb}本人提交的维修费用或责任变更（维修单 ${ticket.ticketNo}）：须由另一名管理员复核`,
        en: `You cannot ${verb} a repair charge or liability change you made yourself (ticket ${ticket.ticketNo}): another admin must review it`,
      });
    }
  }

  /** Cancels a ticket not yet sent out; the device goes back in stock (to be handed back). */
  cancel(id: number, body: CancelBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.change(id, actor, async (manager, ticket) => {
      this.store.requireTransition(ticket, 'cancelled');
      this.requireLoanerBack(ticket);
      ticket.cancelReason = body.reason;
      await this.store.moveDevice(manager, actor, ticket.deviceId, 'repair_out');
      await this.store.transition(manager, ticket, 'cancelled', actor, now, body.reason);
    });
  }

  /** The printable 维修接收单. */
  async receipt(actor: Actor, id: number): Promise<PrintDocument> {
    const manager = this.manager;
    const t = await this.store.load(manager, actor, id);
    const device = await manager.findOneByOrFail(DeviceEntity, { id: t.deviceId });
    const officerId = t.reportedByOfficerId ?? t.holderOfficerId;
    const officer = officerId ? await manager.findOneBy(OfficerEntity, { id: officerId }) : null;
    const unit = officer ? await manager.findOneBy(UnitEntity, { id: officer.unitId }) : null;
    const staff = t.createdByUserId ? await manager.findOneBy(UserEntity, { id: t.createdByUserId }) : null;
    const photos = await manager.countBy(RepairPhotoEntity, { ticketId: id });
    const data: RepairReceiptData = {
      bureau: this.config.documents.bureauName,
      ticketNo: t.ticketNo,
      model: device.model,
      imei1: device.imei1,
      imei2: device.imei2,
      serialNumber: device.serialNumber,
      officer: officer ? { name: officer.name, badgeNo: officer.badgeNo } : null,
      unit: unit?.name ?? null,
      reportedAt: t.reportedAt,
      fault: t.fault,
      accessories: t.accessories,
      condition: t.condition,
      warrantyEndOn: t.warrantyEndOn,
      inWarranty: t.inWarranty,
      photos,
      receivedBy: staff?.username ?? null,
      status: t.status,
    };
    return renderRepairReceipt(data);
  }

  private requireLoanerBack(ticket: RepairTicketEntity): void {
    if (ticket.loanerDeviceId !== null && ticket.loanerBackAt === null) {
      throw ApiException.conflict({
        zh: `维修单 ${ticket.ticketNo} 的备用机（终端编号 ${ticket.loanerDeviceId}）尚未归还，请先收回备用机`,
        en: `The loaner (device ${ticket.loanerDeviceId}) of repair ticket ${ticket.ticketNo} is still out: take it back first`,
      });
    }
  }

  private async replacement(
    manager: EntityManager,
    ticket: RepairTicketEntity,
    id: number | null | undefined,
  ): Promise<DeviceEntity> {
    if (id == null) throw bad('replacementDeviceId', '换机时须指定新终端', 'Name the replacement device');
    if (id === ticket.deviceId) {
      throw bad('replacementDeviceId', '新终端不能是送修的终端', 'The replacement must be another device');
    }
    const device = await manager.findOne(DeviceEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!device) throw bad('replacementDeviceId', '终端不存在', 'No such device');
    if (device.status !== 'in_stock') {
      throw ApiException.conflict(
        {
          zh: `新终端（编号 ${device.id}）状态为「${DEVICE_STATUS_TEXT[device.status].zh}」，须为在库`,
          en: `The replacement (device ${device.id}) is ${DEVICE_STATUS_TEXT[device.status].en}; it must be in stock`,
        },
        'replacementDeviceId',
      );
    }
    return device;
  }

  /** An officer reports as themselves; staff may name the officer, by default the device's holder. */
  private async reporter(
    manager: EntityManager,
    body: IntakeBody,
    actor: Actor,
    device: DeviceEntity,
  ): Promise<number | null> {
    const given = body.reportedByOfficerId ?? null;
    if (actor.role === 'officer') {
      if (given !== null && given !== actor.officerId) {
        throw bad(
          'reportedByOfficerId',
          '警员只能以本人名义报修',
          'An officer reports only in their own name',
        );
      }
      return actor.officerId;
    }
    if (given === null) return device.currentOfficerId;
    if (!(await manager.existsBy(OfficerEntity, { id: given }))) {
      throw bad('reportedByOfficerId', '警员不存在', 'No such officer');
    }
    return given;
  }

  private openTicket(manager: EntityManager, deviceId: number): Promise<RepairTicketEntity | null> {
    return manager.findOneBy(RepairTicketEntity, { deviceId, status: In([...OPEN_REPAIR_STATUSES]) });
  }

  private async imeis(deviceIds: number[]): Promise<Map<number, string>> {
    if (!deviceIds.length) return new Map();
    const devices = await this.manager.findBy(DeviceEntity, { id: In([...new Set(deviceIds)]) });
    return new Map(devices.map((d) => [d.id, d.imei1]));
  }
}
