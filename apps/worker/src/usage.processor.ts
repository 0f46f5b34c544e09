import { InjectQueue, Processor } from '@nestjs/bullmq';
import { UsageRunner } from '@fleet/server/feature-usage';
import { enqueuePeriodReclose, JobName, QueueName } from '@fleet/server/queue';
import type { Job, Queue } from 'bullmq';
import { ImportJobProcessor } from './imports.processor';

export const USAGE_JOBS = [JobName.UsageImport] as const;

/**
 * Carrier usage files; a retried import starts its file over and counts nothing twice. After an import
 * of a month that is already closed, the month is closed again (amended statements; BillingProcessor).
 */
@Processor(QueueName.Usage)
export class UsageProcessor extends ImportJobProcessor {
  constructor(
    private readonly usage: UsageRunner,
    @InjectQueue(QueueName.Billing) private readonly billing: Queue,
  ) {
    super(QueueName.Usage, JobName.UsageImport, usage);
  }

  override async process(job: Job<{ importId: number }>, token?: string): Promise<unknown> {
    const done = await super.process(job, token);
    const period = await this.usage.periodOf(job.data.importId);
    if (period) await enqueuePeriodReclose(this.billing, period, `import-${job.data.importId}`);
    return done;
  }
}
