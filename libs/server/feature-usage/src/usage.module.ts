import { UsageImportExports } from './usage-imports.exports';
import { Module } from '@nestjs/common';
import { UsageImportsController } from './usage-imports.controller';
import { UsageImportsService } from './usage-imports.service';
import { UsageRunner } from './usage-runner';

/** Carrier usage files: upload, list and progress (the jobs: UsageJobsModule). */
@Module({
  controllers: [UsageImportsController],
  providers: [UsageImportsService, UsageImportExports],
})
export class UsageModule {}

/** What the worker runs: usage imports (config, TypeORM, nothing of HTTP). */
@Module({
  providers: [UsageRunner],
  exports: [UsageRunner],
})
export class UsageJobsModule {}
