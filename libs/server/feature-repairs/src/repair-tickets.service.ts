import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { chinaDateOf, isInWarranty, warrantyEndOn } from '@fleet/domain/inventory';
import { identifierErrorMessage, parseImei } from '@fleet/domain/identifiers';
import type { RepairEventDto, RepairIntakeLookupDto, RepairTicketDto } from '@fleet/shared/contracts';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import {
  type Actor,
  ApiException,
  type FilterSpec,
  type ListQuery,
  type ListResult,
  type ListSpec,
  type PrintDocument,
  UserNamesReader,
} from '@fleet/server/platform';
import { bad } from './use-cases/repair-rules';
import { toRepairEventDto, toRepairTicketDto } from './repair-ticket.mapper';
import { RepairPhotoStore } from './repair-photo.store';
import {
  officerScope,
  REPAIR_RESOURCE,
  RepairTicketStore,
  type TicketListConditions,
} from './repair-ticket.store';
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
    private readonly photos: RepairPhotoStore,
    private readonly inventory: InventoryLookupReader,
    private readonly org: OrgLookupReader,
    private readonly users: UserNamesReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listFor(actor: Actor, query: ListQuery): Promise<ListResult<RepairTicketDto>> {
    const where: TicketListConditions = {
      scope: officerScope(actor),
      officers: [],
      holders: [],
      search: null,
    };
    for (const { spec, value } of query.filters) {
      if (spec === OFFICER_FILTER) where.officers.push(ids(value));
      // The holder's unit or any unit under it.
      else if (spec === UNIT_FILTER) where.holders.push(await this.org.officerIdsUnder(ids(value)));
    }
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.search = { pattern, deviceIds: await this.inventory.deviceIdsMatchingImei(pattern) };
    }
    const columns = query.filters.filter((f) => f.spec !== OFFICER_FILTER && f.spec !== UNIT_FILTER);
    const page = await this.store.list({ ...query, filters: columns, q: null }, where);
    const imeis = await this.inventory.imeis(page.items.map((t) => t.deviceId));
    return page.map((t) => toRepairTicketDto(t, imeis.get(t.deviceId) ?? ''));
  }

  async getFor(actor: Actor, id: number): Promise<RepairTicketDto> {
    const manager = this.store.manager;
    return this.store.toDto(manager, await this.store.load(manager, actor, id));
  }

  async events(actor: Actor, id: number): Promise<RepairEventDto[]> {
    await this.store.load(this.store.manager, actor, id);
    const events = await this.store.events(id);
    const names = await this.users.usernames(
      events.map((e) => e.userId).filter((u): u is number => u !== null),
    );
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
    const device = await this.inventory.deviceByImei(parsed.value);
    if (!device) throw ApiException.notFound('devices', parsed.value);
    const holder = device.currentOfficerId ? await this.org.officer(device.currentOfficerId) : null;
    const unit = holder ? await this.org.unit(holder.unitId) : null;
    const sims = await this.inventory.simsIn(device.id, { slot: 'ASC' });
    const open = await this.store.openTicket(this.store.manager, device.id);
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
    const t = await this.store.load(this.store.manager, actor, id);
    const device = await this.inventory.device(t.deviceId);
    const officerId = t.reportedByOfficerId ?? t.holderOfficerId;
    const officer = officerId ? await this.org.officer(officerId) : null;
    const unit = officer ? await this.org.unit(officer.unitId) : null;
    const staff = t.createdByUserId
      ? ((await this.users.usernames([t.createdByUserId])).get(t.createdByUserId) ?? null)
      : null;
    const photos = await this.photos.count(this.store.manager, id);
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
      receivedBy: staff,
      status: t.status,
    };
    return renderRepairReceipt(data);
  }
}
