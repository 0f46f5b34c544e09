import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IMPORT_KIND_LABELS, type BulkImportDto } from '@fleet/shared/contracts';
import { ExportRegistry, fileRunExport } from '@fleet/server/platform';
import { IMPORT_LIST, ImportsService } from './imports.service';

/** The roster imports as a CSV/XLSX download: what each file created, updated and rejected. */
@Injectable()
export class ImportExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly imports: ImportsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      fileRunExport<BulkImportDto>({
        resource: 'imports',
        title: { zh: '批量导入', en: 'Imports' },
        spec: IMPORT_LIST,
        service: this.imports,
        columns: [
          { key: 'kind', header: { zh: '类型', en: 'kind' }, kind: 'label', labels: IMPORT_KIND_LABELS },
          { key: 'rowsCreated', header: { zh: '新增', en: 'created' }, kind: 'number' },
          { key: 'rowsUpdated', header: { zh: '更新', en: 'updated' }, kind: 'number' },
          { key: 'rowsUnchanged', header: { zh: '未变', en: 'unchanged' }, kind: 'number' },
        ],
      }),
    );
  }
}
