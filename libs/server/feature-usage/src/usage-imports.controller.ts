import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ImportController } from '@fleet/server/platform';
import { USAGE_IMPORT_LIST, type UsageImportDto, UsageImportsService } from './usage-imports.service';

/** POST /usage-imports (admin), GET /usage-imports, /:id, /:id/rejected.csv (admin, auditor). */
@ApiTags('usage-imports')
@ApiBearerAuth()
@Controller('usage-imports')
export class UsageImportsController extends ImportController<UsageImportDto>({
  spec: USAGE_IMPORT_LIST,
  uploadSchema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV (UTF-8 or GBK) or XLSX' },
      kind: { type: 'string', enum: ['summary', 'detail'], description: 'detected when absent' },
      encoding: { type: 'string', description: 'utf-8 or gbk; detected when absent' },
    },
  },
}) {
  constructor(imports: UsageImportsService) {
    super(imports);
  }
}
