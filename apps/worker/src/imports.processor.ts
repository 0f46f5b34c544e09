import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportRunner } from '@fleet/server/feature-imports';
import { JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Job } from 'bullmq';

export const IMPORT_JOBS = [JobName.BulkImport] as const;

/** Roster imports; the runner resumes a retried import after its last committed batch. */
@Processor(QueueName.Imports)
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof IMPORT_JOBS)[number]) {
      case JobName.BulkImport: {
        const { importId } = job.data as JobPayloads[JobName.BulkImport];
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const done = await this.runner.run(importId, { lastAttempt });
        return { status: done.status, rowsDone: done.rowsDone };
      }
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.Imports}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
