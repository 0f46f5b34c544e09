import { Global, Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ExportController } from './export.controller';
import { ExportRegistry } from './export.registry';
import { ExportService } from './export.service';

/** `GET /api/exports/:resource`; global so any feature module can register its resources. */
@Global()
@Module({
  controllers: [ExportController],
  providers: [ExportRegistry, ExportService, AuditService],
  exports: [ExportRegistry],
})
export class ExportModule {}
