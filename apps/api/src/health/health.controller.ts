import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@fleet/server/config';
import { Public } from '@fleet/server/platform';
import {
  QueueName,
  REDIS,
  WORKER_HEARTBEAT_EVERY_MS,
  WORKER_HEARTBEAT_KEY,
  withTimeout,
} from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import type IORedis from 'ioredis';
import type { DataSource } from 'typeorm';

/** How long one check may take; the whole answer comes within about twice this. */
const CHECK_MS = 900;

interface Check {
  ok: boolean;
  ms: number;
  error?: string;
}

async function timed(work: () => Promise<unknown>): Promise<Check> {
  const start = performance.now();
  try {
    await work();
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - start),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Liveness of the API and what it depends on: 200 when PostgreSQL and Redis answer, else 503. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    // Each check has a deadline: a Redis or PostgreSQL that is down answers 503 within 2 s, naming it.
    const [database, redis] = await Promise.all([
      timed(() => withTimeout(this.dataSource.query('SELECT 1'), CHECK_MS, 'PostgreSQL')),
      timed(() =>
        this.redis.status === 'ready'
          ? withTimeout(this.redis.ping(), CHECK_MS, 'Redis')
          : Promise.reject(new Error(`Redis is ${this.redis.status}`)),
      ),
    ]);
    const queues = Object.fromEntries(
      await Promise.all(
        Object.values(QueueName).map(async (name) => {
          const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          const counts = redis.ok
            ? await withTimeout(
                queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
                CHECK_MS,
                name,
              ).catch(() => null)
            : null;
          return [name, counts] as const;
        }),
      ),
    );
    const beat = redis.ok
      ? await withTimeout(this.redis.get(WORKER_HEARTBEAT_KEY), CHECK_MS, 'heartbeat').catch(() => null)
      : null;
    const worker = {
      lastHeartbeat: beat,
      alive: beat !== null && this.clock.now().getTime() - Date.parse(beat) < 3 * WORKER_HEARTBEAT_EVERY_MS,
    };
    const ok = database.ok && redis.ok;
    void reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', database, redis, queues, worker };
  }
}
