import { Processor } from '@nestjs/bullmq';
import { UsageRunner } from '@fleet/server/feature-usage';
import { JobName, QueueName } from '@fleet/server/queue';
import { ImportJobProcessor } from './imports.processor';

export const USAGE_JOBS = [JobName.UsageImport] as const;

/** Carrier usage files; a retried import starts its file over and counts nothing twice. */
@Processor(QueueName.Usage)
export class UsageProcessor extends ImportJobProcessor {
  constructor(runner: UsageRunner) {
    super(QueueName.Usage, JobName.UsageImport, runner);
  }
}
