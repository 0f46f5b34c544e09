import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { UsageRunner } from '@fleet/server/feature-usage';
import {
  enqueueUsageChunk,
  enqueueUsageFinish,
  JobName,
  type JobPayloads,
  QueueName,
} from '@fleet/server/queue';
import type { Job, Queue } from 'bullmq';
import { ImportJobProcessor } from './imports.processor';

export const USAGE_JOBS = [JobName.UsageImport, JobName.UsageImportChunk, JobName.UsageImportFinish] as const;

/**
 * Carrier usage files; a retried import starts its file over and counts nothing twice. A large detail
 * file is cut into chunks (ADR 15): the import's job cuts it and enqueues one job per chunk, any
 * worker loads a chunk, the last chunk to load enqueues the finish, which counts the import. An import
 * that succeeded is announced by the runner (USAGE_IMPORT_SUCCEEDED); billing closes its month again if
 * closed. Runs as many usage jobs at once as a file has chunks (INGEST_CHUNKS).
 */
@Processor(QueueName.Usage)
export class UsageProcessor extends ImportJobProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly usage: UsageRunner,
    @InjectQueue(QueueName.Usage) private readonly usageQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(QueueName.Usage, JobName.UsageImport, usage);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.ingestChunks.count;
  }

  override async process(job: Job<{ importId: number }>, token?: string): Promise<unknown> {
    const { importId } = job.data;
    if (job.name === (JobName.UsageImportChunk as string)) {
      const { chunkNo } = job.data as JobPayloads[JobName.UsageImportChunk];
      const done = await this.underLease(job, token, (lastAttempt) =>
        this.usage.runChunk(importId, chunkNo, { lastAttempt }),
      );
      await this.advance(importId);
      return done;
    }
    if (job.name === (JobName.UsageImportFinish as string)) {
      const done = await this.underLease(job, token, () => this.usage.finish(importId));
      return { status: done.status, rowsDone: done.rowsDone };
    }
    const done = await super.process(job, token);
    await this.advance(importId);
    return done;
  }

  /** A chunked import's next jobs: its chunks not yet loaded, or its finish once all are. */
  private async advance(importId: number): Promise<void> {
    const pending = await this.usage.pendingChunks(importId);
    for (const chunkNo of pending.chunks) await enqueueUsageChunk(this.usageQueue, importId, chunkNo);
    if (pending.allLoaded) await enqueueUsageFinish(this.usageQueue, importId);
  }
}
