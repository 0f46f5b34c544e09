import { Injectable, type OnModuleInit } from '@nestjs/common';
import { USAGE_KIND_LABELS } from '@fleet/shared/contracts';
import { ExportRegistry, fileRunExport } from '@fleet/server/platform';
import { USAGE_IMPORT_LIST, type UsageImportDto, UsageImportsService } from './usage-imports.service';

/** The carrier's usage files as a CSV/XLSX download: which month, how many rows accepted and rejected. */
@Injectable()
export class UsageImportExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly imports: UsageImportsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      fileRunExport<UsageImportDto>({
        resource: 'usage-imports',
        title: { zh: '用量导入', en: 'Usage imports' },
        spec: USAGE_IMPORT_LIST,
        service: this.imports,
        columns: [
          { key: 'kind', header: { zh: '类型', en: 'kind' }, kind: 'label', labels: USAGE_KIND_LABELS },
          { key: 'period', header: { zh: '月份', en: 'period' } },
          { key: 'rowsAccepted', header: { zh: '接受', en: 'accepted' }, kind: 'number' },
          { key: 'rowsDuplicate', header: { zh: '重复', en: 'duplicate' }, kind: 'number' },
        ],
      }),
    );
  }
}
