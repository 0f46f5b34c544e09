/** A plain Redis client for small keys (heartbeat), prefixed like the queues. */
export const REDIS = Symbol('REDIS');

/**
 * The prefix of every key this instance writes to Redis: QUEUE_PREFIX and the id of its database, so
 * instances that share one Redis (a second start, a staging copy, a test run) never see, take or
 * swallow each other's jobs, whatever their database ids.
 */
export const QUEUE_NAMESPACE = Symbol('QUEUE_NAMESPACE');

export const queueNamespace = (queuePrefix: string, installationId: string): string =>
  `${queuePrefix}:${installationId}`;
