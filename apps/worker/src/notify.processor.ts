import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { NotificationDelivery } from '@fleet/server/platform';
import { JobName, type JobPayloads, QueueName } from '@fleet/server/queue';
import type { Job } from 'bullmq';

export const NOTIFY_JOBS = [JobName.NotifyOutbound] as const;

/** Notifications out through the outbound channel (the webhook); a failed POST is retried with backoff. */
@Processor(QueueName.Notify)
export class NotifyProcessor extends WorkerHost {
  private readonly logger = new Logger(NotifyProcessor.name);

  constructor(private readonly delivery: NotificationDelivery) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof NOTIFY_JOBS)[number]) {
      case JobName.NotifyOutbound: {
        const { notificationId } = job.data as JobPayloads[JobName.NotifyOutbound];
        return this.delivery.deliver(notificationId);
      }
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.Notify}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
