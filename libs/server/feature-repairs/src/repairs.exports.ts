import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_ROLES, type RepairTicketDto } from '@fleet/shared/contracts';
import { LIABLE_PARTY_LABELS, REPAIR_CAUSE_LABELS, REPAIR_STATUS_LABELS } from '@fleet/domain/repairs';
import { ExportRegistry, officerColumns } from '@fleet/server/platform';
import { REPAIR_TICKET_LIST, RepairTicketsService } from './repair-tickets.service';

/** Repair tickets as CSV/XLSX downloads; an officer's export holds only their own tickets. */
@Injectable()
export class RepairExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly tickets: RepairTicketsService,
  ) {}

  onModuleInit(): void {
    this.registry.register<RepairTicketDto>({
      resource: 'repair-tickets',
      title: { zh: '维修单', en: 'Repair tickets' },
      roles: DATA_ROLES,
      spec: REPAIR_TICKET_LIST,
      columns: [
        { key: 'ticketNo', header: { zh: '维修单号', en: 'ticket no' } },
        { key: 'deviceId', header: { zh: '终端编号', en: 'device id' }, kind: 'number' },
        { key: 'imei', header: { zh: 'IMEI1', en: 'IMEI 1' } },
        { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: REPAIR_STATUS_LABELS },
        { key: 'reportedAt', header: { zh: '报修时间', en: 'reported at' }, kind: 'moment' },
        ...officerColumns<RepairTicketDto>('reportedByOfficerId', {
          zh: '报修警员',
          en: 'reporting officer',
        }),
        ...officerColumns<RepairTicketDto>('holderOfficerId', { zh: '持有人', en: 'holder' }),
        { key: 'fault', header: { zh: '故障描述', en: 'fault' } },
        { key: 'cause', header: { zh: '损坏原因', en: 'cause' }, kind: 'label', labels: REPAIR_CAUSE_LABELS },
        { key: 'inWarranty', header: { zh: '在保修期内', en: 'in warranty' }, kind: 'yesNo' },
        {
          key: 'liability',
          header: { zh: '责任方', en: 'liable party' },
          kind: 'label',
          labels: LIABLE_PARTY_LABELS,
        },
        ...officerColumns<RepairTicketDto>('liableOfficerId', { zh: '责任警员', en: 'liable officer' }),
        { key: 'liabilityReason', header: { zh: '责任认定理由', en: 'liability reason' } },
        { key: 'quoteFen', header: { zh: '报价（元）', en: 'quote (CNY)' }, kind: 'money' },
        { key: 'costFen', header: { zh: '最终费用（元）', en: 'final cost (CNY)' }, kind: 'money' },
        { key: 'closedAt', header: { zh: '结单时间', en: 'closed at' }, kind: 'moment' },
        { key: 'chargePeriod', header: { zh: '计费月份', en: 'charge month' } },
      ],
      fetch: (query, actor) => this.tickets.listFor(actor, query),
    });
  }
}
