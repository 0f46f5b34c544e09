import { Module } from '@nestjs/common';
import { AuditService, Notifier } from '@fleet/server/platform';
import { PeriodRecloser } from './periods/period-reclose';
import { PeriodsService } from './periods/periods.service';
import { RecloseOnUsageImport } from './periods/reclose-on-usage-import.listener';
import { UsageChargesService } from './periods/usage-charges.service';

/**
 * What the worker runs of billing: closing a month again after a corrected import, enqueued when usage
 * announces one (RecloseOnUsageImport; nothing of HTTP).
 */
@Module({
  providers: [
    AuditService,
    Notifier,
    UsageChargesService,
    PeriodsService,
    PeriodRecloser,
    RecloseOnUsageImport,
  ],
  exports: [PeriodRecloser],
})
export class BillingJobsModule {}
