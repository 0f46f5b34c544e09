import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportRunner } from '@fleet/server/feature-imports';
import { JobName, QueueName } from '@fleet/server/queue';
import type { Job } from 'bullmq';

export const IMPORT_JOBS = [JobName.BulkImport] as const;

/** What a file import's runner offers the worker (ImportRunner, UsageRunner). */
export interface ImportJobRunner {
  run(importId: number, options: { lastAttempt: boolean }): Promise<{ status: string; rowsDone: number }>;
}

/**
 * A queue with one job, `{ importId }`, handed to the feature's runner; the last attempt is told so
 * the runner can mark the import failed instead of leaving it for a retry.
 */
export abstract class ImportJobProcessor extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  protected constructor(
    private readonly queue: QueueName,
    private readonly jobName: JobName,
    private readonly runner: ImportJobRunner,
  ) {
    super();
  }

  async process(job: Job<{ importId: number }>): Promise<unknown> {
    if (job.name !== (this.jobName as string)) {
      this.logger.error(`Unknown job ${job.name} on ${this.queue}`);
      throw new Error(`Unknown job ${job.name}`);
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const done = await this.runner.run(job.data.importId, { lastAttempt });
    return { status: done.status, rowsDone: done.rowsDone };
  }
}

/** Roster imports; the runner resumes a retried import after its last committed batch. */
@Processor(QueueName.Imports)
export class ImportsProcessor extends ImportJobProcessor {
  constructor(runner: ImportRunner) {
    super(QueueName.Imports, JobName.BulkImport, runner);
  }
}
