import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { USAGE_IMPORT_SUCCEEDED, type UsageImportSucceeded } from '@fleet/server/feature-usage';
import { enqueuePeriodReclose, QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';

/**
 * Billing's answer to a usage import that succeeded: its month is closed again (PeriodRecloser, a job
 * of its own that checks the month is closed and the import newer than its close). A failed enqueue
 * fails the usage job, whose retry announces the import again; the reconciler's stale months
 * (PeriodRecloser.stale) catch whatever is still missed.
 */
@Injectable()
export class RecloseOnUsageImport {
  constructor(@InjectQueue(QueueName.Billing) private readonly billing: Queue) {}

  @OnEvent(USAGE_IMPORT_SUCCEEDED, { promisify: true, suppressErrors: false })
  async onUsageImportSucceeded({ importId, period }: UsageImportSucceeded): Promise<void> {
    await enqueuePeriodReclose(this.billing, period, `import-${importId}`);
  }
}
