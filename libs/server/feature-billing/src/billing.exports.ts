import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  PERIOD_STATUS_LABELS,
  STATEMENT_STATUS_LABELS,
  type PeriodDto,
  type StatementDto,
} from '@fleet/shared/contracts';
import { ExportRegistry, officerColumns } from '@fleet/server/platform';
import { PERIOD_LIST, PeriodsService } from './periods/periods.service';
import { STATEMENT_LIST, StatementsService } from './statements/statements.service';

/**
 * The billing months and the statements as CSV/XLSX downloads, for the roles that read their lists (an
 * officer's export holds only their own statements).
 */
@Injectable()
export class BillingExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly periods: PeriodsService,
    private readonly statements: StatementsService,
  ) {}

  onModuleInit(): void {
    this.registry.register<PeriodDto>({
      resource: 'periods',
      title: { zh: '月结', en: 'Billing months' },
      roles: ['admin', 'auditor'],
      spec: PERIOD_LIST,
      columns: [
        { key: 'period', header: { zh: '月份', en: 'period' } },
        { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: PERIOD_STATUS_LABELS },
        { key: 'version', header: { zh: '版本', en: 'version' }, kind: 'number' },
        { key: 'closedAt', header: { zh: '结账时间', en: 'closed at' }, kind: 'moment' },
        { key: 'statements', header: { zh: '通知单数', en: 'statements' }, kind: 'number' },
        {
          key: 'officerTotalFen',
          header: { zh: '个人合计（元）', en: 'officers total (CNY)' },
          kind: 'money',
        },
        { key: 'bureauTotalFen', header: { zh: '局里合计（元）', en: 'bureau total (CNY)' }, kind: 'money' },
      ],
      fetch: (query) => this.periods.list(query),
    });
    this.registry.register<StatementDto>({
      resource: 'statements',
      title: { zh: '超额费用通知单', en: 'Statements' },
      roles: ['admin', 'auditor', 'officer'],
      spec: STATEMENT_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        { key: 'period', header: { zh: '月份', en: 'period' } },
        ...officerColumns<StatementDto>('officerId', { zh: '民警', en: 'officer' }),
        { key: 'version', header: { zh: '版本', en: 'version' }, kind: 'number' },
        {
          key: 'status',
          header: { zh: '状态', en: 'status' },
          kind: 'label',
          labels: STATEMENT_STATUS_LABELS,
        },
        { key: 'totalFen', header: { zh: '合计（元）', en: 'total (CNY)' }, kind: 'money' },
        {
          key: 'previousTotalFen',
          header: { zh: '上一版合计（元）', en: 'previous total (CNY)' },
          kind: 'money',
        },
        { key: 'issuedAt', header: { zh: '出具时间', en: 'issued at' }, kind: 'moment' },
        { key: 'acknowledgedAt', header: { zh: '确认时间', en: 'acknowledged at' }, kind: 'moment' },
        { key: 'disputedAt', header: { zh: '异议时间', en: 'disputed at' }, kind: 'moment' },
        { key: 'disputeReason', header: { zh: '异议理由', en: 'dispute reason' } },
      ],
      fetch: (query, actor) => this.statements.list(actor, query),
    });
  }
}
