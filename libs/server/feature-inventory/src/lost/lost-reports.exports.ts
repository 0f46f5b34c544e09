import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LOST_KIND_LABELS, type LostReportDto } from '@fleet/shared/contracts';
import { ExportRegistry, deviceColumns, officerColumns } from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { LOST_REPORT_LIST, LostReportsService } from './lost-reports.service';

/** Lost and stolen reports as CSV/XLSX downloads. */
@Injectable()
export class LostReportExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly reports: LostReportsService,
  ) {}

  onModuleInit(): void {
    this.registry.register<LostReportDto>({
      resource: 'lost-reports',
      title: { zh: '报失记录', en: 'Lost reports' },
      roles: STAFF,
      spec: LOST_REPORT_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        ...deviceColumns<LostReportDto>('deviceId'),
        { key: 'kind', header: { zh: '类型', en: 'kind' }, kind: 'label', labels: LOST_KIND_LABELS },
        { key: 'reportedAt', header: { zh: '报失时间', en: 'reported at' }, kind: 'moment' },
        ...officerColumns<LostReportDto>('reportedByOfficerId', { zh: '报失警员', en: 'reporting officer' }),
        { key: 'policeCaseNo', header: { zh: '警情编号', en: 'police case number' } },
        { key: 'circumstances', header: { zh: '丢失经过', en: 'circumstances' } },
        { key: 'confirmedAt', header: { zh: '确认时间', en: 'confirmed at' }, kind: 'moment' },
        { key: 'foundAt', header: { zh: '找回时间', en: 'found at' }, kind: 'moment' },
        { key: 'closedAt', header: { zh: '结案时间', en: 'closed at' }, kind: 'moment' },
      ],
      fetch: (query, actor) => this.reports.listFor(actor, query),
    });
  }
}
