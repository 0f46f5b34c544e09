import { Module } from '@nestjs/common';
import { FileImportStore } from './file-import.store';

/** The file imports' store, for the kinds' services (API) and runners (worker). */
@Module({
  providers: [FileImportStore],
  exports: [FileImportStore],
})
export class FileImportModule {}
