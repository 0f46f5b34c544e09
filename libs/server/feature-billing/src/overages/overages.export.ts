import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ExportRegistry } from '@fleet/server/platform';
import { OVERAGE_LIST, OveragesService } from './overages.service';

/** The overage list as CSV/XLSX (`GET /api/exports/overages`), with the list's latest-close default. */
@Injectable()
export class OveragesExport implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly overages: OveragesService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      resource: 'overages',
      roles: ['admin', 'auditor'],
      spec: OVERAGE_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' } },
        { key: 'simId', header: { zh: 'SIM 卡编号', en: 'SIM id' } },
        { key: 'period', header: { zh: '月份', en: 'period' } },
        { key: 'version', header: { zh: '结算版本', en: 'close version' } },
        { key: 'category', header: { zh: '类别', en: 'category' } },
        { key: 'used', header: { zh: '使用量', en: 'used' } },
        { key: 'allowance', header: { zh: '套餐内', en: 'allowance' } },
        { key: 'excess', header: { zh: '超出', en: 'excess' } },
        { key: 'chargedUnits', header: { zh: '计费单位数', en: 'charged units' } },
        { key: 'amountFen', header: { zh: '金额（分）', en: 'amount (fen)' } },
        { key: 'payer', header: { zh: '付费方', en: 'payer' } },
      ],
      fetch: (query) => this.overages.list(query),
    });
  }
}
