import { BillingExports } from './billing.exports';
import { Module } from '@nestjs/common';
import { ContractModule } from '@fleet/server/feature-contract';
import { OveragesController } from './overages/overages.controller';
import { OveragesExport } from './overages/overages.export';
import { OveragesService } from './overages/overages.service';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';
import { UsageChargesService } from './periods/usage-charges.service';
import { BillingRulesController } from './rules/billing-rules.controller';
import { BillingRulesService } from './rules/billing-rules.service';
import { StatementsController } from './statements/statements.controller';
import { StatementsService } from './statements/statements.service';
import { StatementsWorkbookService } from './statements/statements-workbook.service';
import { MyUsageController, UsageDashboardController } from './usage-views/usage-views.controller';
import { UsageViewsService } from './usage-views/usage-views.service';

/** Tariff and payer policy, month close, overages and statements, and the usage views built on them. */
@Module({
  imports: [ContractModule],
  controllers: [
    BillingRulesController,
    PeriodsController,
    StatementsController,
    OveragesController,
    MyUsageController,
    UsageDashboardController,
  ],
  providers: [
    BillingRulesService,
    UsageChargesService,
    PeriodsService,
    StatementsService,
    StatementsWorkbookService,
    OveragesService,
    OveragesExport,
    BillingExports,
    UsageViewsService,
  ],
})
export class BillingModule {}
