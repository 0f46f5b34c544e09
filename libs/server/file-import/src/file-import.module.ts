import { Module } from '@nestjs/common';
import { AuditService } from '@fleet/server/platform';
import { FileImportContext } from './file-import.service';
import { FileImportStore } from './file-import.store';

/**
 * The file imports' store, for the kinds' services (API) and runners (worker), and what their services
 * share (FileImportContext). AuditService holds no state: an instance of its own here serves the worker,
 * whose modules have no global one.
 */
@Module({
  providers: [FileImportStore, AuditService, FileImportContext],
  exports: [FileImportStore, FileImportContext],
})
export class FileImportModule {}
