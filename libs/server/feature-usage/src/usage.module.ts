import { UsageImportExports } from './usage-imports.exports';
import { Module } from '@nestjs/common';
import { FileImportModule } from '@fleet/server/file-import';
import { UsageImportsController } from './usage-imports.controller';
import { UsageImportsService } from './usage-imports.service';
import { UsageImportStore } from './usage-import.store';
import { UsageRunner } from './usage-runner';
import { UsageTotalsStore } from './usage-totals.store';

/** Carrier usage files: upload, list and progress (the jobs: UsageJobsModule). */
@Module({
  imports: [FileImportModule],
  controllers: [UsageImportsController],
  providers: [UsageImportsService, UsageImportExports],
})
export class UsageModule {}

/**
 * What the worker runs: usage imports (config, TypeORM, nothing of HTTP). A succeeded import is
 * announced through the application's EventEmitter2 (EventEmitterModule.forRoot() in the app).
 */
@Module({
  imports: [FileImportModule],
  providers: [UsageImportStore, UsageTotalsStore, UsageRunner],
  exports: [UsageRunner],
})
export class UsageJobsModule {}
