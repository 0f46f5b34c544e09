import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodRecloser } from '@fleet/server/feature-billing';
import { JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Job, Queue } from 'bullmq';

export const BILLING_JOBS = [JobName.PeriodReclose] as const;

/** Enqueues the close of a month again (one job a month at a time; the job checks it is still needed). */
export async function enqueueReclose(queue: Queue, period: string, reason: string): Promise<void> {
  const payload: JobPayloads[JobName.PeriodReclose] = { period };
  await queue.add(JobName.PeriodReclose, payload, {
    jobId: `period-reclose-${period}-${reason}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: 100,
    removeOnFail: 100,
  });
}

/** Months closed again after a corrected import; on start, any month left stale by a worker that died. */
@Processor(QueueName.Billing)
export class BillingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BillingProcessor.name);

  constructor(
    @InjectQueue(QueueName.Billing) private readonly queue: Queue,
    private readonly recloser: PeriodRecloser,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const { period, import_id } of await this.recloser.stale())
      await enqueueReclose(this.queue, period, `import-${import_id}`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof BILLING_JOBS)[number]) {
      case JobName.PeriodReclose: {
        const { period } = job.data as JobPayloads[JobName.PeriodReclose];
        const result = await this.recloser.reclose(period);
        return result ? { period, version: result.version, issued: result.issued.length } : { period };
      }
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.Billing}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
