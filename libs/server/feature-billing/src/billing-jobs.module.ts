import { Module } from '@nestjs/common';
import { AuditService, Notifier } from '@fleet/server/platform';
import { PeriodRecloser } from './periods/period-reclose';
import { PERIOD_PROVIDERS } from './periods/periods.providers';

/** What the worker runs of billing: closing a month again after a corrected import (nothing of HTTP). */
@Module({
  providers: [AuditService, Notifier, ...PERIOD_PROVIDERS],
  exports: [PeriodRecloser],
})
export class BillingJobsModule {}
