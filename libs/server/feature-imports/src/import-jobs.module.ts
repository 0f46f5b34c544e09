import { Module } from '@nestjs/common';
import { AuditService, Notifier } from '@fleet/server/platform';
import { AlertsRunner } from './alerts/alerts-runner';
import { ImportRunner } from './imports/import-runner';

/** What the worker runs: roster imports and the daily alerts (needs config, TypeORM and nothing of HTTP). */
@Module({
  providers: [AuditService, Notifier, ImportRunner, AlertsRunner],
  exports: [ImportRunner, AlertsRunner],
})
export class ImportJobsModule {}
