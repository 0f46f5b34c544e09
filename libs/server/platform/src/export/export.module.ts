import { Global, Module } from '@nestjs/common';
import { ExportController } from './export.controller';
import { ExportRegistry } from './export.registry';
import { ExportService } from './export.service';

/** `GET /api/exports/:resource`; global so any feature module can register its resources. */
@Global()
@Module({
  controllers: [ExportController],
  providers: [ExportRegistry, ExportService],
  exports: [ExportRegistry],
})
export class ExportModule {}
