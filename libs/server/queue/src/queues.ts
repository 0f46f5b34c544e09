/**
 * Every BullMQ queue and job the system knows, in one place, each job with its typed payload. The
 * worker refuses to start unless every job here has exactly one handler.
 */
export enum QueueName {
  System = 'system',
  Imports = 'imports',
  Alerts = 'alerts',
  Usage = 'usage',
  Billing = 'billing',
  Notify = 'notify',
}

export enum JobName {
  /** Records that a worker is alive, so /api/health can tell whether jobs are being processed. */
  WorkerHeartbeat = 'system.worker-heartbeat',
  /**
   * Matches the database's unfinished work (imports queued or running with no worker on them, months
   * left stale) with the queues and enqueues what is missing: nothing waits forever for a job that a
   * Redis restart, a crash or a shared Redis lost. On worker start and every RECONCILE_EVERY_SECONDS.
   */
  Reconcile = 'system.reconcile',
  /** Processes one uploaded roster (bulk_imports row); jobId `bulk-import-<id>`, so it runs once. */
  BulkImport = 'imports.bulk-import',
  /** Replaces one day's alerts (Asia/Shanghai); scheduled daily, or enqueued by an admin. */
  ComputeAlerts = 'alerts.compute',
  /** Processes one carrier usage file (usage_imports row); jobId `usage-import-<id>`. */
  UsageImport = 'usage.import',
  /**
   * Loads one chunk of a large usage detail file (usage_import_chunks row): its byte range read, checked
   * and copied in its own transaction; jobId `usage-import-<id>-chunk-<n>`, retried alone.
   */
  UsageImportChunk = 'usage.import-chunk',
  /** Counts a chunked usage import once all its chunks are loaded; jobId `usage-import-<id>-finish`. */
  UsageImportFinish = 'usage.import-finish',
  /**
   * Closes a closed month again when usage imported after its close changed it (amended statements,
   * §3.5); enqueued after every usage import of the month and when the worker starts.
   */
  PeriodReclose = 'billing.period-reclose',
  /** Sends one notification through the outbound channel (the webhook); jobId `notify-<id>`. */
  NotifyOutbound = 'notify.outbound',
}

export interface JobPayloads {
  [JobName.WorkerHeartbeat]: Record<string, never>;
  [JobName.Reconcile]: Record<string, never>;
  [JobName.BulkImport]: { importId: number };
  /** asOf: the China date to compute for; absent means the day the job runs. */
  [JobName.ComputeAlerts]: { asOf?: string };
  [JobName.UsageImport]: { importId: number };
  [JobName.UsageImportChunk]: { importId: number; chunkNo: number };
  [JobName.UsageImportFinish]: { importId: number };
  [JobName.PeriodReclose]: { period: string };
  [JobName.NotifyOutbound]: { notificationId: number };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WorkerHeartbeat]: QueueName.System,
  [JobName.Reconcile]: QueueName.System,
  [JobName.BulkImport]: QueueName.Imports,
  [JobName.ComputeAlerts]: QueueName.Alerts,
  [JobName.UsageImport]: QueueName.Usage,
  [JobName.UsageImportChunk]: QueueName.Usage,
  [JobName.UsageImportFinish]: QueueName.Usage,
  [JobName.PeriodReclose]: QueueName.Billing,
  [JobName.NotifyOutbound]: QueueName.Notify,
};

/** The BullMQ job id of an import's job: one job per import, however often it is enqueued. */
export const bulkImportJobId = (importId: number): string => `bulk-import-${importId}`;

/** The BullMQ job id of a usage import's job. */
export const usageImportJobId = (importId: number): string => `usage-import-${importId}`;

/** The BullMQ job id of one chunk of a usage import. */
export const usageChunkJobId = (importId: number, chunkNo: number): string =>
  `usage-import-${importId}-chunk-${chunkNo}`;

/** The BullMQ job id of the step that counts a chunked usage import. */
export const usageFinishJobId = (importId: number): string => `usage-import-${importId}-finish`;

/** The daily alerts run: 06:00 China time. */
export const ALERTS_SCHEDULER_ID = 'alerts.daily';
export const ALERTS_CRON = '0 6 * * *';
export const ALERTS_TZ = 'Asia/Shanghai';

/** Redis key the worker heartbeat writes; the value is the ISO moment of the last beat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
export const WORKER_HEARTBEAT_EVERY_MS = 15_000;
