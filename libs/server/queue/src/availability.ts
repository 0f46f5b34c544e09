import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { REDIS } from './tokens';

/** Redis does not answer: work that needs a queue is refused (503, try again later), never left hanging. */
export class QueueUnavailableError extends Error {
  /** Seconds after which the caller may try again (Retry-After). */
  readonly retryAfterSeconds = 30;

  constructor() {
    super('The job queue (Redis) is not available');
    this.name = 'QueueUnavailableError';
  }
}

/** Resolves to the work's result, or rejects after `ms` (the work itself may still finish later). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether Redis answers now, asked without waiting on a connection that is down (the clients queue
 * commands until Redis is back, which would hang a request). The API checks before it accepts work
 * for the worker, and enqueues after the database has the work, so a job lost to an outage is found
 * again by the reconciler.
 */
@Injectable()
export class QueueAvailability {
  private readonly logger = new Logger(QueueAvailability.name);

  constructor(@Inject(REDIS) private readonly redis: IORedis) {}

  async ready(timeoutMs = 1_000): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    return withTimeout(this.redis.ping(), timeoutMs, 'Redis PING').then(
      () => true,
      () => false,
    );
  }

  /** Throws QueueUnavailableError unless Redis answers. */
  async assertReady(): Promise<void> {
    if (!(await this.ready())) throw new QueueUnavailableError();
  }

  /**
   * Enqueues work whose truth is already in the database: waits a little, and if Redis is gone meanwhile
   * leaves it to the reconciler (the enqueue may still complete when Redis returns).
   */
  async enqueueOrLeave(what: string, enqueue: () => Promise<unknown>, timeoutMs = 2_000): Promise<void> {
    try {
      await withTimeout(enqueue(), timeoutMs, what);
    } catch (error) {
      this.logger.warn(`${what} not enqueued now (${(error as Error).message}); the reconciler will`);
    }
  }
}
