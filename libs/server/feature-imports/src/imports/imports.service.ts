import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { BulkImportDto } from '@fleet/shared/contracts';
import { FileImportContext, FileImportService } from '@fleet/server/file-import';
import type { BulkImportEntity } from '@fleet/server/persistence';
import { QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import { ROSTER_IMPORT } from './roster-import.kind';

export { IMPORT_LIST, IMPORT_MAX_BYTES, toBulkImportDto } from './roster-import.kind';

/**
 * Uploads of rosters (the shared file-import pipeline with ROSTER_IMPORT): kept under DATA_DIR by
 * their hash and processed by the worker; a retried import resumes after its last committed batch.
 */
@Injectable()
export class ImportsService extends FileImportService<BulkImportEntity, BulkImportDto> {
  constructor(context: FileImportContext, @InjectQueue(QueueName.Imports) queue: Queue) {
    super(ROSTER_IMPORT, context, queue);
  }
}
