import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  CREDIT_REASON_LABELS,
  INSTALLMENT_STATUS_LABELS,
  OUTAGE_CAUSE_LABELS,
  OUTAGE_SCOPE_LABELS,
  type InstallmentDto,
  type InvoiceDto,
  type OutageDto,
  type SlaCreditDto,
} from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { ExportRegistry } from '@fleet/server/platform';
import { INSTALLMENT_LIST, InstallmentsService } from './installments/installments.service';
import { INVOICE_LIST, InvoicesService } from './invoices/invoices.service';
import { OUTAGE_LIST, OutagesService } from './outages/outages.service';
import { LEDGER_READERS } from './shared/roles';
import { SLA_CREDIT_LIST, SlaCreditsService } from './sla-credits/sla-credits.service';

/** The ledger's lists as CSV/XLSX downloads for finance, with the same filters as the lists. */
@Injectable()
export class LedgerExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly installments: InstallmentsService,
    private readonly outages: OutagesService,
    private readonly credits: SlaCreditsService,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register<InstallmentDto>({
      resource: 'installments',
      title: { zh: '分期付款', en: 'Installments' },
      roles: LEDGER_READERS,
      spec: INSTALLMENT_LIST,
      columns: [
        { key: 'seq', header: { zh: '期次', en: 'no.' }, kind: 'number' },
        { key: 'dueOn', header: { zh: '应付日', en: 'due on' }, kind: 'date' },
        { key: 'amountFen', header: { zh: '应付金额（元）', en: 'amount (CNY)' }, kind: 'money' },
        { key: 'paidFen', header: { zh: '已付（元）', en: 'paid (CNY)' }, kind: 'money' },
        { key: 'balanceFen', header: { zh: '未付余额（元）', en: 'unpaid (CNY)' }, kind: 'money' },
        { key: 'paidOn', header: { zh: '付清日', en: 'paid off on' }, kind: 'date' },
        {
          key: 'status',
          header: { zh: '状态', en: 'status' },
          kind: 'label',
          labels: INSTALLMENT_STATUS_LABELS,
        },
      ],
      // The export is an edge like a controller: today is read here, once.
      fetch: (query) => this.installments.list(query, this.clock.now()),
    });
    this.registry.register<OutageDto>({
      resource: 'outages',
      title: { zh: '通信中断', en: 'Outages' },
      roles: LEDGER_READERS,
      spec: OUTAGE_LIST,
      columns: [
        { key: 'startAt', header: { zh: '开始时间', en: 'start' }, kind: 'moment' },
        { key: 'endAt', header: { zh: '结束时间', en: 'end' }, kind: 'moment' },
        { key: 'cause', header: { zh: '原因', en: 'cause' }, kind: 'label', labels: OUTAGE_CAUSE_LABELS },
        { key: 'scope', header: { zh: '影响范围', en: 'scope' }, kind: 'label', labels: OUTAGE_SCOPE_LABELS },
        { key: 'simIds', header: { zh: '号卡编号', en: 'SIM ids' }, value: (o) => o.simIds.join(' ') },
        { key: 'note', header: { zh: '说明', en: 'note' } },
        { key: 'voidReason', header: { zh: '作废理由', en: 'void reason' } },
      ],
      fetch: (query) => this.outages.list(query),
    });
    this.registry.register<SlaCreditDto>({
      resource: 'sla-credits',
      title: { zh: '服务费减免', en: 'SLA credits' },
      roles: LEDGER_READERS,
      spec: SLA_CREDIT_LIST,
      columns: [
        { key: 'day', header: { zh: '减免日', en: 'day' }, kind: 'date' },
        { key: 'simId', header: { zh: '号卡编号', en: 'SIM id' }, kind: 'number' },
        { key: 'msisdn', header: { zh: '号码', en: 'number' } },
        { key: 'amountFen', header: { zh: '减免金额（元）', en: 'credit (CNY)' }, kind: 'money' },
        { key: 'reason', header: { zh: '依据', en: 'reason' }, kind: 'label', labels: CREDIT_REASON_LABELS },
        { key: 'outageIds', header: { zh: '相关中断', en: 'outages' }, value: (c) => c.outageIds.join(' ') },
      ],
      fetch: (query) => this.credits.list(query),
    });
    this.registry.register<InvoiceDto>({
      resource: 'invoices',
      title: { zh: '发票', en: 'Invoices' },
      roles: LEDGER_READERS,
      spec: INVOICE_LIST,
      columns: [
        { key: 'invoiceNo', header: { zh: '发票号码', en: 'invoice number' } },
        { key: 'issuedOn', header: { zh: '开票日期', en: 'issued on' }, kind: 'date' },
        { key: 'fromPeriod', header: { zh: '起始月份', en: 'first month' } },
        { key: 'toPeriod', header: { zh: '结束月份', en: 'last month' } },
        { key: 'amountFen', header: { zh: '价税合计（元）', en: 'amount (CNY)' }, kind: 'money' },
        { key: 'taxFen', header: { zh: '税额（元）', en: 'tax (CNY)' }, kind: 'money' },
        { key: 'expectedFen', header: { zh: '按合同应开（元）', en: 'expected (CNY)' }, kind: 'money' },
        { key: 'differenceFen', header: { zh: '差额（元）', en: 'difference (CNY)' }, kind: 'money' },
      ],
      fetch: (query) => this.invoices.list(query),
    });
  }
}
