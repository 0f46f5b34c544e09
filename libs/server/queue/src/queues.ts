/**
 * Every BullMQ queue and job the system knows, in one place, each job with its typed payload. The
 * worker refuses to start unless every job here has exactly one handler.
 */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Records that a worker is alive, so /api/health can tell whether jobs are being processed. */
  WorkerHeartbeat = 'system.worker-heartbeat',
}

export interface JobPayloads {
  [JobName.WorkerHeartbeat]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WorkerHeartbeat]: QueueName.System,
};

/** Redis key the worker heartbeat writes; the value is the ISO moment of the last beat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
export const WORKER_HEARTBEAT_EVERY_MS = 15_000;
