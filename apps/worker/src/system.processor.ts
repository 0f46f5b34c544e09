import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  JobName,
  QueueName,
  RECONCILE_SCHEDULER_ID,
  REDIS,
  WORKER_HEARTBEAT_EVERY_MS,
  WORKER_HEARTBEAT_KEY,
} from '@fleet/server/queue';
import type { Job, Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { JobReconciler } from './reconciler';

export const SYSTEM_JOBS = [JobName.WorkerHeartbeat, JobName.Reconcile] as const;

/**
 * System jobs: the heartbeat by which /api/health knows a worker is taking jobs, and the reconciliation
 * of the database's unfinished work with the queues (on start, then every RECONCILE_EVERY_SECONDS).
 */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly clock: Clock,
    private readonly reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
    // Redis came back (perhaps empty, its schedulers and jobs gone): schedule again and reconcile, so
    // the worker resumes by itself and the lost jobs are enqueued again from the database.
    this.redis.on('ready', () => {
      this.logger.warn('Redis is back: rescheduling and reconciling');
      this.start().catch((error: unknown) => this.logger.error(`after Redis came back: ${String(error)}`));
    });
  }

  private async start(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.WorkerHeartbeat,
      { every: WORKER_HEARTBEAT_EVERY_MS },
      { name: JobName.WorkerHeartbeat, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    await this.queue.upsertJobScheduler(
      RECONCILE_SCHEDULER_ID,
      { every: this.config.reconcileEverySeconds * 1000 },
      { name: JobName.Reconcile, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    await this.reconciler.reconcile();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as (typeof SYSTEM_JOBS)[number]) {
      case JobName.WorkerHeartbeat:
        return this.heartbeat();
      case JobName.Reconcile:
        return this.reconciler.reconcile();
      default:
        this.logger.error(`Unknown job ${job.name} on ${QueueName.System}`);
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  private async heartbeat(): Promise<string> {
    const now = this.clock.now().toISOString();
    await this.redis.set(WORKER_HEARTBEAT_KEY, now, 'PX', 3 * WORKER_HEARTBEAT_EVERY_MS);
    return now;
  }
}
