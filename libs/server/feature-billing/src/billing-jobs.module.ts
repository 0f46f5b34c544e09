import { Module } from '@nestjs/common';
import { AuditService, Notifier } from '@fleet/server/platform';
import { PeriodRecloser } from './periods/period-reclose';
import { PERIOD_PROVIDERS } from './periods/periods.providers';
import { RecloseOnUsageImport } from './periods/reclose-on-usage-import.listener';

/**
 * What the worker runs of billing: closing a month again after a corrected import, enqueued when usage
 * announces one (RecloseOnUsageImport; nothing of HTTP).
 */
@Module({
  providers: [AuditService, Notifier, ...PERIOD_PROVIDERS, RecloseOnUsageImport],
  exports: [PeriodRecloser],
})
export class BillingJobsModule {}
