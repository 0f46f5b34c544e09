import { Module } from '@nestjs/common';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';
import { UsageChargesService } from './periods/usage-charges.service';
import { BillingRulesController } from './rules/billing-rules.controller';
import { BillingRulesService } from './rules/billing-rules.service';
import { StatementsController } from './statements/statements.controller';
import { StatementsService } from './statements/statements.service';

/** Tariff and payer policy, month close, overages and statements. */
@Module({
  controllers: [BillingRulesController, PeriodsController, StatementsController],
  providers: [BillingRulesService, UsageChargesService, PeriodsService, StatementsService],
})
export class BillingModule {}
