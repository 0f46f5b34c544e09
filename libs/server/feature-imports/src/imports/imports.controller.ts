import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BulkImportDto } from '@fleet/shared/contracts';
import { ImportController } from '@fleet/server/platform';
import { IMPORT_LIST, ImportsService } from './imports.service';

/** POST /imports (admin), GET /imports, /imports/:id, /imports/:id/rejected.csv (admin, auditor). */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController extends ImportController<BulkImportDto>({
  spec: IMPORT_LIST,
  uploadSchema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GBK) or XLSX' },
      kind: { type: 'string', enum: ['devices', 'sim_cards', 'officers', 'units'] },
      encoding: { type: 'string', description: 'utf-8 or gbk; detected when absent' },
    },
  },
}) {
  constructor(imports: ImportsService) {
    super(imports);
  }
}
