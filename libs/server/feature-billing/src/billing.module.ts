import { Module } from '@nestjs/common';

/** Tariff and payer policy, month close, overages and statements. */
@Module({})
export class BillingModule {}
