import type { JobsOptions, Queue } from 'bullmq';
import {
  bulkImportJobId,
  JobName,
  type JobPayloads,
  usageChunkJobId,
  usageFinishJobId,
  usageImportJobId,
} from './queues';

/** Every so often (and when a worker starts) the database's unfinished work is matched with the queues. */
export const RECONCILE_SCHEDULER_ID = 'system.reconcile';

/** Job states in which a job will still run (or is running): anything else is over or gone. */
const LIVE_STATES = new Set(['active', 'waiting', 'waiting-children', 'delayed', 'prioritized']);

/**
 * Makes sure a job with this id is waiting or running: adds it, or, when a job of that id exists but
 * is over (completed or failed, kept by BullMQ for a while), removes it and adds it again, where a
 * plain `add` would silently keep the old one and the new work would never run.
 */
export async function ensureJob<N extends JobName>(
  queue: Queue,
  name: N,
  data: JobPayloads[N],
  options: JobsOptions & { jobId: string },
  /** Whether a completed job of that id is run again (false: only a failed or missing one). */
  redoCompleted = true,
): Promise<'live' | 'done' | 'added'> {
  const existing = await queue.getJob(options.jobId);
  if (existing) {
    const state = await existing.getState();
    if (LIVE_STATES.has(state)) return 'live';
    if (state === 'completed' && !redoCompleted) return 'done';
    await existing.remove();
  }
  await queue.add(name, data, options);
  return 'added';
}

/** File imports are retried with backoff; a retry starts the file over (usage) or resumes it (rosters). */
export const FILE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: 1_000,
  removeOnFail: 1_000,
} as const satisfies JobsOptions;

/** Enqueues the processing of a roster import (bulk_imports row). */
export const enqueueBulkImport = (queue: Queue, importId: number) =>
  ensureJob(
    queue,
    JobName.BulkImport,
    { importId },
    { jobId: bulkImportJobId(importId), ...FILE_JOB_OPTIONS },
  );

/** Enqueues the processing of a carrier usage import (usage_imports row). */
export const enqueueUsageImport = (queue: Queue, importId: number) =>
  ensureJob(
    queue,
    JobName.UsageImport,
    { importId },
    { jobId: usageImportJobId(importId), ...FILE_JOB_OPTIONS },
  );

/** Enqueues loading one chunk of a usage import (a chunk already loaded is not run again). */
export const enqueueUsageChunk = (queue: Queue, importId: number, chunkNo: number) =>
  ensureJob(
    queue,
    JobName.UsageImportChunk,
    { importId, chunkNo },
    { jobId: usageChunkJobId(importId, chunkNo), ...FILE_JOB_OPTIONS },
  );

/** Enqueues counting a chunked usage import whose chunks are all loaded (it checks that they are). */
export const enqueueUsageFinish = (queue: Queue, importId: number) =>
  ensureJob(
    queue,
    JobName.UsageImportFinish,
    { importId },
    { jobId: usageFinishJobId(importId), ...FILE_JOB_OPTIONS },
  );

/**
 * Enqueues closing a month again after the import that made it stale (the reason, in the job id, so a
 * reclose already running for an earlier import does not hide this one); the job checks it is needed.
 */
export const enqueuePeriodReclose = (queue: Queue, period: string, reason: string) =>
  ensureJob(
    queue,
    JobName.PeriodReclose,
    { period },
    {
      jobId: `period-reclose-${period}-${reason}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: 100,
      removeOnFail: 100,
    },
    false,
  );

/** Outbound notifications enqueued per addBulk call. */
const NOTIFY_JOBS_PER_ADD = 1_000;

/** One notification's delivery: 5 attempts, exponential backoff from `backoffMs`, its id in the job id. */
const notifyJob = (notificationId: number, backoffMs: number) => ({
  name: JobName.NotifyOutbound,
  data: { notificationId } satisfies JobPayloads[JobName.NotifyOutbound],
  opts: {
    jobId: `notify-${notificationId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  },
});

/** Enqueues sending each notification through the outbound channel, one job per notification. */
export async function enqueueNotifyOutbound(
  queue: Queue,
  notificationIds: readonly number[],
  backoffMs: number,
): Promise<void> {
  for (let from = 0; from < notificationIds.length; from += NOTIFY_JOBS_PER_ADD) {
    await queue.addBulk(
      notificationIds.slice(from, from + NOTIFY_JOBS_PER_ADD).map((id) => notifyJob(id, backoffMs)),
    );
  }
}

/** Enqueues an unsent notification again (the reconciler): unless its job waits or runs. */
export const enqueueNotifyOutboundAgain = (queue: Queue, notificationId: number, backoffMs: number) => {
  const { name, data, opts } = notifyJob(notificationId, backoffMs);
  return ensureJob(queue, name, data, opts, false);
};
