import { ImportExports } from './imports/imports.exports';
import { Module } from '@nestjs/common';
import { FileImportModule } from '@fleet/server/file-import';
import { AlertStore } from './alerts/alert.store';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';

/** Bulk imports of rosters and delivery lists, and the dashboard's alerts (the jobs: ImportJobsModule). */
@Module({
  imports: [FileImportModule],
  controllers: [ImportsController, AlertsController],
  providers: [ImportsService, AlertStore, AlertsService, ImportExports],
})
export class ImportsModule {}
