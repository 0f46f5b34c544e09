import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REDIS, withTimeout } from '@fleet/server/queue';
import type IORedis from 'ioredis';
import type { DataSource } from 'typeorm';

/** Where this worker process says it is alive; the compose health check reads its age. */
export const LIVENESS_FILE = join(tmpdir(), 'fleet-worker-alive');
export const LIVENESS_EVERY_MS = 10_000;

/**
 * This process's own liveness, apart from which worker happens to take the heartbeat job: every 10 s,
 * if both PostgreSQL and Redis answer, the moment is written to LIVENESS_FILE. A worker whose file is
 * older than a few periods is not working (docker/compose.yml's health check).
 */
@Injectable()
export class WorkerLiveness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerLiveness.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), LIVENESS_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 3_000, 'PostgreSQL');
      await withTimeout(this.redis.ping(), 3_000, 'Redis');
      // Wall-clock time on purpose: the container's health check compares it with its own clock.
      // eslint-disable-next-line no-restricted-syntax
      await writeFile(LIVENESS_FILE, new Date().toISOString());
    } catch (error) {
      this.logger.warn(`not alive: ${(error as Error).message}`);
    }
  }
}
