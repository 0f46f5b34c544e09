import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CATEGORY_LABELS, KB_PER_MB, PAYER_LABELS, type OverageDto } from '@fleet/shared/contracts';
import { ExportRegistry, simColumns } from '@fleet/server/platform';
import { OVERAGE_LIST, OveragesService } from './overages.service';

const DATA_CATEGORIES = new Set(['national', 'apn']);
/** The unit a person reads a category's quantities in: data in MB (stored in KB), minutes, messages. */
const UNITS: Record<string, { zh: string; en: string }> = {
  voice: { zh: '分钟', en: 'min' },
  sms: { zh: '条', en: 'SMS' },
  national: { zh: 'MB', en: 'MB' },
  apn: { zh: 'MB', en: 'MB' },
};
const inUnit = (o: OverageDto, quantity: number) =>
  DATA_CATEGORIES.has(o.category) ? Math.round((quantity / KB_PER_MB) * 100) / 100 : quantity;

/** The overage list as CSV/XLSX (`GET /api/exports/overages`), with the list's latest-close default. */
@Injectable()
export class OveragesExport implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly overages: OveragesService,
  ) {}

  onModuleInit(): void {
    this.registry.register<OverageDto>({
      resource: 'overages',
      title: { zh: '超套餐', en: 'Overages' },
      roles: ['admin', 'auditor'],
      spec: OVERAGE_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        ...simColumns<OverageDto>('simId'),
        { key: 'period', header: { zh: '月份', en: 'period' } },
        { key: 'version', header: { zh: '结算版本', en: 'close version' }, kind: 'number' },
        { key: 'category', header: { zh: '类别', en: 'category' }, kind: 'label', labels: CATEGORY_LABELS },
        {
          key: 'unit',
          header: { zh: '计量单位', en: 'unit' },
          kind: 'label',
          labels: UNITS,
          value: (o) => o.category,
        },
        {
          key: 'used',
          header: { zh: '使用量', en: 'used' },
          kind: 'number',
          value: (o) => inUnit(o, o.used),
        },
        {
          key: 'allowance',
          header: { zh: '套餐内', en: 'allowance' },
          kind: 'number',
          value: (o) => inUnit(o, o.allowance),
        },
        {
          key: 'excess',
          header: { zh: '超出', en: 'excess' },
          kind: 'number',
          value: (o) => inUnit(o, o.excess),
        },
        { key: 'chargedUnits', header: { zh: '计费单位数', en: 'charged units' }, kind: 'number' },
        { key: 'amountFen', header: { zh: '金额（元）', en: 'amount (CNY)' }, kind: 'money' },
        { key: 'payer', header: { zh: '付费方', en: 'payer' }, kind: 'label', labels: PAYER_LABELS },
      ],
      fetch: (query) => this.overages.list(query),
    });
  }
}
