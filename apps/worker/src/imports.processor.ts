import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportRunner } from '@fleet/server/feature-imports';
import { LeaseHeldError } from '@fleet/server/persistence';
import { JobName, QueueName } from '@fleet/server/queue';
import { DelayedError, type Job } from 'bullmq';

export const IMPORT_JOBS = [JobName.BulkImport] as const;

/** How long a job waits when another worker holds its file, before it looks again. */
export const LEASE_HELD_RETRY_MS = 10_000;

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

  async process(job: Job<{ importId: number }>, token?: string): Promise<unknown> {
    if (job.name !== (this.jobName as string)) {
      this.logger.error(`Unknown job ${job.name} on ${this.queue}`);
      throw new Error(`Unknown job ${job.name}`);
    }
    return this.underLease(job, token, async (lastAttempt) => {
      const done = await this.runner.run(job.data.importId, { lastAttempt });
      return { status: done.status, rowsDone: done.rowsDone };
    });
  }

  /**
   * Runs a job's work, told whether this is its last attempt; while another worker holds the file
   * (LeaseHeldError) the job is put back for later without spending an attempt.
   */
  protected async underLease<T>(
    job: Job,
    token: string | undefined,
    work: (lastAttempt: boolean) => Promise<T>,
  ): Promise<T> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await work(lastAttempt);
    } catch (error) {
      // Another worker is on this file (this job stalled and was handed on, or was enqueued twice):
      // look again later without spending an attempt; the file is processed once either way.
      if (!(error instanceof LeaseHeldError)) throw error;
      this.logger.log(`${error.message}; looking again in ${LEASE_HELD_RETRY_MS / 1000} s`);
      // BullMQ schedules by the wall clock, not the product's.
      // eslint-disable-next-line no-restricted-syntax
      await job.moveToDelayed(Date.now() + LEASE_HELD_RETRY_MS, token);
      throw new DelayedError();
    }
  }
}

/** Roster imports; the runner resumes a retried import after its last committed batch. */
@Processor(QueueName.Imports)
export class ImportsProcessor extends ImportJobProcessor {
  constructor(runner: ImportRunner) {
    super(QueueName.Imports, JobName.BulkImport, runner);
  }
}
