import { BillingExports } from './billing.exports';
import { Module } from '@nestjs/common';
import { ContractModule } from '@fleet/server/feature-contract';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { MonthlyUsageReader } from '@fleet/server/feature-usage';
import { OveragesController } from './overages/overages.controller';
import { OveragesExport } from './overages/overages.export';
import { OveragesService } from './overages/overages.service';
import { OveragesStore } from './overages/overages.store';
import { PeriodsController } from './periods/periods.controller';
import { PERIOD_PROVIDERS } from './periods/periods.providers';
import { BillingRulesController } from './rules/billing-rules.controller';
import { BillingRulesService } from './rules/billing-rules.service';
import { BillingRulesStore } from './rules/billing-rules.store';
import { StatementsController } from './statements/statements.controller';
import { StatementsService } from './statements/statements.service';
import { StatementsStore } from './statements/statements.store';
import { StatementsWorkbookService } from './statements/statements-workbook.service';
import { MyUsageController, UsageDashboardController } from './usage-views/usage-views.controller';
import { UsageViewsService } from './usage-views/usage-views.service';
import { UsageViewsStore } from './usage-views/usage-views.store';

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
    BillingRulesStore,
    ...PERIOD_PROVIDERS,
    StatementsService,
    StatementsStore,
    StatementsWorkbookService,
    OveragesService,
    OveragesStore,
    OveragesExport,
    BillingExports,
    UsageViewsService,
    UsageViewsStore,
    InventoryLookupReader,
    MonthlyUsageReader,
    OrgLookupReader,
  ],
})
export class BillingModule {}
