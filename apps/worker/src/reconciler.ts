import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { PeriodRecloser } from '@fleet/server/feature-billing';
import { ImportRunner } from '@fleet/server/feature-imports';
import { UsageRunner } from '@fleet/server/feature-usage';
import { NotificationDelivery } from '@fleet/server/platform';
import {
  enqueueBulkImport,
  enqueueNotifyOutboundAgain,
  enqueuePeriodReclose,
  enqueueUsageImport,
  QueueName,
} from '@fleet/server/queue';
import type { Queue } from 'bullmq';

export interface Reconciled {
  usageImports: number[];
  bulkImports: number[];
  periods: string[];
  notifications: number[];
}

/**
 * The database, not Redis, says what work is unfinished: an import queued or running whose lease no
 * worker holds, a closed month with an import newer than its close, a notification of the last day not
 * sent out. Whatever of it has no live job
 * (Redis restarted empty, a job failed through its attempts, a worker died, an enqueue failed) is
 * enqueued again; what was enqueued is answered and logged.
 */
@Injectable()
export class JobReconciler {
  private readonly logger = new Logger(JobReconciler.name);

  constructor(
    private readonly usage: UsageRunner,
    private readonly imports: ImportRunner,
    private readonly recloser: PeriodRecloser,
    @InjectQueue(QueueName.Usage) private readonly usageQueue: Queue,
    @InjectQueue(QueueName.Imports) private readonly importsQueue: Queue,
    @InjectQueue(QueueName.Billing) private readonly billingQueue: Queue,
    private readonly notifications: NotificationDelivery,
    @InjectQueue(QueueName.Notify) private readonly notifyQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reconcile(): Promise<Reconciled> {
    const done: Reconciled = { usageImports: [], bulkImports: [], periods: [], notifications: [] };
    for (const id of await this.usage.unfinished())
      if ((await enqueueUsageImport(this.usageQueue, id)) === 'added') done.usageImports.push(id);
    for (const id of await this.imports.unfinished())
      if ((await enqueueBulkImport(this.importsQueue, id)) === 'added') done.bulkImports.push(id);
    for (const { period, import_id } of await this.recloser.stale())
      if ((await enqueuePeriodReclose(this.billingQueue, period, `import-${import_id}`)) === 'added')
        done.periods.push(period);
    const { backoffMs } = this.config.notifyWebhook;
    for (const id of await this.notifications.unsent())
      if ((await enqueueNotifyOutboundAgain(this.notifyQueue, id, backoffMs)) === 'added')
        done.notifications.push(id);
    if (Object.values(done).some((again: unknown[]) => again.length))
      this.logger.warn(
        `enqueued again: usage imports [${done.usageImports.join(', ')}], roster imports [${done.bulkImports.join(', ')}], months [${done.periods.join(', ')}], notifications [${done.notifications.join(', ')}]`,
      );
    return done;
  }
}
