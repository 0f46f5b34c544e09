import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { PeriodRecloser } from '@fleet/server/feature-billing';
import { JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Job } from 'bullmq';

export const BILLING_JOBS = [JobName.PeriodReclose] as const;

/**
 * Months closed again after a corrected import; a month left stale by a worker that died is found by
 * the reconciler (JobReconciler), on start and then periodically.
 */
@Processor(QueueName.Billing)
export class BillingProcessor extends WorkerHost {
  private readonly logger = new Logger(BillingProcessor.name);

  constructor(private readonly recloser: PeriodRecloser) {
    super();
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
