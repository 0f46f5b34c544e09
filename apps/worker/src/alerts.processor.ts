import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { chinaDateOf } from '@fleet/domain/inventory';
import { Clock } from '@fleet/server/config';
import { AlertsRunner } from '@fleet/server/feature-imports';
import {
  ALERTS_CRON,
  ALERTS_SCHEDULER_ID,
  ALERTS_TZ,
  JobName,
  type JobPayloads,
  QueueName,
  REDIS,
} from '@fleet/server/queue';
import type { Job, Queue } from 'bullmq';
import type IORedis from 'ioredis';

export const ALERT_JOBS = [JobName.ComputeAlerts] as const;

/** The daily alerts at 06:00 China time, and the runs an admin asks for. */
@Processor(QueueName.Alerts)
export class AlertsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
    private readonly runner: AlertsRunner,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // A Redis that restarted empty lost the daily schedule: it is set again when Redis is back.
    this.redis.on('ready', () => void this.schedule().catch(() => undefined));
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ALERTS_SCHEDULER_ID,
      { pattern: ALERTS_CRON, tz: ALERTS_TZ },
      {
        name: JobName.ComputeAlerts,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: 30,
          removeOnFail: 100,
        },
      },
    );
    // A worker started after 06:00 (a fresh install, a restart) computes today's alerts at once,
    // rather than leaving the dashboard empty until tomorrow; the jobId makes it once a day.
    const today = chinaDateOf(this.clock.now());
    await this.queue.add(
      JobName.ComputeAlerts,
      { asOf: today },
      { jobId: `alerts-on-start-${today}`, removeOnComplete: 30 },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof ALERT_JOBS)[number]) {
      case JobName.ComputeAlerts: {
        const { asOf } = job.data as JobPayloads[JobName.ComputeAlerts];
        // The scheduled run carries no date: it is for the China date on which it runs.
        return this.runner.compute(asOf ?? chinaDateOf(this.clock.now()));
      }
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.Alerts}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
