import { Module } from '@nestjs/common';
import { FileImportModule } from '@fleet/server/file-import';
import { AuditService, Notifier } from '@fleet/server/platform';
import { AlertsRunner } from './alerts/alerts-runner';
import { ImportRunner } from './imports/import-runner';
import { RosterImportStore } from './imports/roster-import.store';

/** What the worker runs: roster imports and the daily alerts (needs config, TypeORM and nothing of HTTP). */
@Module({
  imports: [FileImportModule],
  providers: [AuditService, Notifier, RosterImportStore, ImportRunner, AlertsRunner],
  exports: [ImportRunner, AlertsRunner],
})
export class ImportJobsModule {}
