import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UsageRunner } from '@fleet/server/feature-usage';
import { JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Job } from 'bullmq';

export const USAGE_JOBS = [JobName.UsageImport] as const;

/** Carrier usage files; a retried import starts its file over and counts nothing twice. */
@Processor(QueueName.Usage)
export class UsageProcessor extends WorkerHost {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(private readonly runner: UsageRunner) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof USAGE_JOBS)[number]) {
      case JobName.UsageImport: {
        const { importId } = job.data as JobPayloads[JobName.UsageImport];
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const done = await this.runner.run(importId, { lastAttempt });
        return { status: done.status, rowsDone: done.rowsDone };
      }
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.Usage}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
