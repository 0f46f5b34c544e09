import { Module } from '@nestjs/common';
import { ContractDeadlinesReader } from '@fleet/server/feature-contract';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { FileImportModule } from '@fleet/server/file-import';
import { AuditService, Notifier } from '@fleet/server/platform';
import { AlertStore } from './alerts/alert.store';
import { AlertsRunner } from './alerts/alerts-runner';
import { ImportRunner } from './imports/import-runner';
import { RosterImportStore } from './imports/roster-import.store';

/** What the worker runs: roster imports and the daily alerts (needs config, TypeORM and nothing of HTTP). */
@Module({
  imports: [FileImportModule],
  providers: [
    AuditService,
    Notifier,
    RosterImportStore,
    ImportRunner,
    AlertsRunner,
    AlertStore,
    // The alerts read the owners' tables through their readers.
    InventoryLookupReader,
    ContractDeadlinesReader,
  ],
  exports: [ImportRunner, AlertsRunner],
})
export class ImportJobsModule {}
