import { Injectable, type OnModuleInit } from '@nestjs/common';
import { STOCKTAKE_STATUS_LABELS, type StocktakeDto } from '@fleet/shared/contracts';
import { ExportRegistry, unitColumns } from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { STOCKTAKE_LIST, StocktakesService } from './stocktakes.service';

/** The device counts of a stocktake, each the length of its list of device ids. */
const COUNTS = [
  { key: 'expected', header: { zh: '应有', en: 'expected' } },
  { key: 'found', header: { zh: '已找到', en: 'found' } },
  { key: 'missing', header: { zh: '缺失', en: 'missing' } },
  { key: 'unexpected', header: { zh: '账外', en: 'unexpected' } },
] as const;

/** Stocktakes as CSV/XLSX downloads: per count, how many devices were expected, found and missing. */
@Injectable()
export class StocktakeExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly stocktakes: StocktakesService,
  ) {}

  onModuleInit(): void {
    this.registry.register<StocktakeDto>({
      resource: 'stocktakes',
      title: { zh: '盘点', en: 'Stocktakes' },
      roles: STAFF,
      spec: STOCKTAKE_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        ...unitColumns<StocktakeDto>('unitId'),
        {
          key: 'status',
          header: { zh: '状态', en: 'status' },
          kind: 'label',
          labels: STOCKTAKE_STATUS_LABELS,
        },
        { key: 'startedAt', header: { zh: '开始时间', en: 'started at' }, kind: 'moment' },
        { key: 'closedAt', header: { zh: '结束时间', en: 'closed at' }, kind: 'moment' },
        ...COUNTS.map(({ key, header }) => ({
          key,
          header,
          kind: 'number' as const,
          value: (s: StocktakeDto) => s[`${key}DeviceIds`].length,
        })),
        { key: 'notes', header: { zh: '备注', en: 'notes' } },
      ],
      fetch: (query, actor) => this.stocktakes.listFor(actor, query),
    });
  }
}
