import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { chinaDateOf, isInWarranty, warrantyEndOn } from '@fleet/domain/inventory';
import { identifierErrorMessage, parseImei } from '@fleet/domain/identifiers';
import type { RepairEventDto, RepairIntakeLookupDto, RepairTicketDto } from '@fleet/shared/contracts';
import {
  DeviceEntity,
  OfficerEntity,
  RepairPhotoEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  SimCardEntity,
  UnitEntity,
  UserEntity,
} from '@fleet/server/persistence';
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
import { Brackets, type EntityManager, In } from 'typeorm';
import { bad } from './use-cases/repair-rules';
import { toRepairEventDto, toRepairTicketDto } from './repair-ticket.mapper';
import { officerScope, REPAIR_RESOURCE, RepairTicketStore } from './repair-ticket.store';
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
    // Reported before the device's warranty ended (the repair list's sidebar).
    inWarranty: { property: 'inWarranty', type: 'boolean' },
    officerId: OFFICER_FILTER,
    unitId: UNIT_FILTER,
  },
  // q also matches the device's IMEIs and the ticket number (see listFor).
  search: ['fault'],
};

const ids = (value: unknown): number[] => (Array.isArray(value) ? value : [value]).map(Number);

/**
 * Repair tickets (维修单) as read: the list, one ticket, its events, the intake lookup and the receipt;
 * an officer sees only their own. Each step of the flow is a use case (use-cases/).
 */
@Injectable()
export class RepairTicketsService {
  constructor(
    private readonly store: RepairTicketStore,
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
    const open = await this.store.openTicket(this.manager, device.id);
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

  private async imeis(deviceIds: number[]): Promise<Map<number, string>> {
    if (!deviceIds.length) return new Map();
    const devices = await this.manager.findBy(DeviceEntity, { id: In([...new Set(deviceIds)]) });
    return new Map(devices.map((d) => [d.id, d.imei1]));
  }
}
