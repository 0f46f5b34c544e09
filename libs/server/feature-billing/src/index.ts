export * from './billing.module';
export * from './billing-jobs.module';
export * from './periods/period-reclose';
export * from './periods/periods.service';
export * from './periods/usage-charges.service';
