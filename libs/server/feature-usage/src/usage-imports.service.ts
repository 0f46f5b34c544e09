import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { UsageImportDto } from '@fleet/shared/contracts';
import { FileImportContext, FileImportService } from '@fleet/server/file-import';
import type { UsageImportEntity } from '@fleet/server/persistence';
import { QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import { USAGE_IMPORT } from './usage-import.kind';

export type { UsageImportDto };
export { toUsageImportDto, USAGE_IMPORT_LIST, USAGE_MAX_BYTES } from './usage-import.kind';

/**
 * Uploads of carrier usage files (the shared file-import pipeline with USAGE_IMPORT): stored under
 * DATA_DIR by their hash, registered, processed by the worker; a retried import reads its file over
 * from its start.
 */
@Injectable()
export class UsageImportsService extends FileImportService<UsageImportEntity, UsageImportDto> {
  constructor(context: FileImportContext, @InjectQueue(QueueName.Usage) queue: Queue) {
    super(USAGE_IMPORT, context, queue);
  }
}
