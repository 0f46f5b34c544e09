import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DATA_ROLES, type RepairTicketDto } from '@fleet/shared/contracts';
import { ExportRegistry } from '@fleet/server/platform';
import { REPAIR_TICKET_LIST, RepairTicketsService } from './repair-tickets.service';

const fen = (value: number | null) => (value === null ? null : (value / 100).toFixed(2));

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
      roles: DATA_ROLES,
      spec: REPAIR_TICKET_LIST,
      columns: [
        { key: 'ticketNo', header: { zh: '维修单号', en: 'ticket no' } },
        { key: 'deviceId', header: { zh: '终端编号', en: 'device id' } },
        { key: 'imei', header: { zh: 'IMEI1', en: 'IMEI 1' } },
        { key: 'status', header: { zh: '状态', en: 'status' } },
        { key: 'reportedAt', header: { zh: '报修时间', en: 'reported at' } },
        { key: 'reportedByOfficerId', header: { zh: '报修警员编号', en: 'reporting officer id' } },
        { key: 'holderOfficerId', header: { zh: '持有人编号', en: 'holder id' } },
        { key: 'fault', header: { zh: '故障描述', en: 'fault' } },
        { key: 'cause', header: { zh: '损坏原因', en: 'cause' } },
        { key: 'inWarranty', header: { zh: '在保修期内', en: 'in warranty' } },
        { key: 'liability', header: { zh: '责任方', en: 'liable party' } },
        { key: 'liableOfficerId', header: { zh: '责任警员编号', en: 'liable officer id' } },
        { key: 'liabilityReason', header: { zh: '责任认定理由', en: 'liability reason' } },
        { key: 'quote', header: { zh: '报价（元）', en: 'quote (CNY)' }, value: (t) => fen(t.quoteFen) },
        {
          key: 'cost',
          header: { zh: '最终费用（元）', en: 'final cost (CNY)' },
          value: (t) => fen(t.costFen),
        },
        { key: 'closedAt', header: { zh: '结单时间', en: 'closed at' } },
        { key: 'chargePeriod', header: { zh: '计费月份', en: 'charge month' } },
      ],
      fetch: (query, actor) => this.tickets.listFor(actor, query),
    });
  }
}
