import { Injectable } from '@nestjs/common';
import { chinaDateOf, isInWarranty, nextDeviceStatus, warrantyEndOn } from '@fleet/domain/inventory';
import { repairTicketNo, REPAIR_STATUS_LABELS } from '@fleet/domain/repairs';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import type { DeviceEntity } from '@fleet/server/persistence';
import {
  CustodyHistoryService,
  DEVICE_STATUS_NAMES,
  ReturnDeviceUseCase,
} from '@fleet/server/feature-inventory';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { IntakeBody } from '../repair-ticket.dto';
import { toRepairTicketDto } from '../repair-ticket.mapper';
import { officerScope, REPAIR_RESOURCE, RepairTicketStore } from '../repair-ticket.store';
import { bad, damageMoment, requireDamageBeforeReport } from './repair-rules';

/**
 * Takes a device in for repair: the ticket with the holder at the damage (or report) from the custody
 * history and the warranty at the report; the phone leaves its holder's hands (the assignment ends at
 * the intake) and the device is in repair. One open ticket per device.
 */
@Injectable()
export class IntakeUseCase {
  constructor(
    private readonly store: RepairTicketStore,
    private readonly history: CustodyHistoryService,
    private readonly returnDevice: ReturnDeviceUseCase,
  ) {}

  execute(body: IntakeBody, actor: Actor, now: Date): Promise<RepairTicketDto> {
    return this.store.write(async (manager) => {
      const device = await this.store.lockDevice(manager, body.deviceId);
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
      requireDamageBeforeReport(damagedAt, reportedAt);
      await this.refuseUnlessRepairable(manager, device);
      const reporter = await this.reporter(manager, body, actor, device);
      const holder = await this.history.holderAt(device.id, damageMoment(damagedAt, reportedAt), manager);
      const end = warrantyEndOn(device.receivedOn);

      const ticket = await this.store.create(
        manager,
        {
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
        },
        (id) => repairTicketNo(id, reportedAt),
      );
      await this.store.event(manager, ticket.id, null, 'received', actor, reportedAt, body.fault);
      await this.leaveHolder(manager, device, body, ticket.ticketNo, reportedAt, actor, now);
      await this.store.moveDevice(manager, actor, device.id, 'repair_in');

      const after = toRepairTicketDto(ticket, device.imei1);
      await this.store.record(manager, {
        actor,
        action: 'create',
        resource: REPAIR_RESOURCE,
        resourceId: ticket.id,
        after,
      });
      return after;
    });
  }

  /** One open ticket per device, and only a device whose status lets it go in for repair. */
  private async refuseUnlessRepairable(manager: EntityManager, device: DeviceEntity): Promise<void> {
    const open = await this.store.openTicket(manager, device.id);
    if (open) {
      throw ApiException.conflict({
        zh: `该终端已有未结的维修单 ${open.ticketNo}（${REPAIR_STATUS_LABELS[open.status].zh}），请在该单上处理`,
        en: `The device already has open repair ticket ${open.ticketNo} (${open.status}); work on that one`,
      });
    }
    if (nextDeviceStatus(device.status, 'repair_in') === null) {
      throw ApiException.conflict(
        {
          zh: `终端状态为「${DEVICE_STATUS_NAMES[device.status].zh}」，不能送修`,
          en: `The device is ${DEVICE_STATUS_NAMES[device.status].en} and cannot be taken in for repair`,
        },
        'deviceId',
      );
    }
  }

  /** The phone leaves its holder's hands at the intake: the open assignment ends at the report. */
  private async leaveHolder(
    manager: EntityManager,
    device: DeviceEntity,
    body: IntakeBody,
    ticketNo: string,
    reportedAt: Date,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const assignment = await this.store.openAssignment(manager, device.id);
    if (!assignment) return;
    if (assignment.startAt.getTime() >= reportedAt.getTime()) {
      throw bad(
        'reportedAt',
        `报修时间应晚于当前领用的开始时间（${assignment.startAt.toISOString()}）`,
        `The report must be after the current handover (${assignment.startAt.toISOString()})`,
      );
    }
    await this.returnDevice.execute(
      device.id,
      { at: reportedAt.toISOString(), condition: body.condition || `送修（维修单 ${ticketNo}）` },
      actor,
      now,
      manager,
    );
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
    if (!(await this.store.officerExists(manager, given))) {
      throw bad('reportedByOfficerId', '警员不存在', 'No such officer');
    }
    return given;
  }
}
