import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@fleet/server/config';
import { BillingJobsModule } from '@fleet/server/feature-billing';
import { ImportJobsModule } from '@fleet/server/feature-imports';
import { UsageJobsModule } from '@fleet/server/feature-usage';
import { dataSourceOptions, openApplicationDataSource } from '@fleet/server/persistence';
import { NotificationJobsModule } from '@fleet/server/platform';
import { QueueModule } from '@fleet/server/queue';
import { ALERT_JOBS, AlertsProcessor } from './alerts.processor';
import { BILLING_JOBS, BillingProcessor } from './billing.processor';
import { IMPORT_JOBS, ImportsProcessor } from './imports.processor';
import { checkHandlerCoverage } from './job-handlers';
import { NOTIFY_JOBS, NotifyProcessor } from './notify.processor';
import { WorkerLiveness } from './liveness';
import { JobReconciler } from './reconciler';
import { SYSTEM_JOBS, SystemProcessor } from './system.processor';
import { USAGE_JOBS, UsageProcessor } from './usage.processor';

// Every processor's job list; the worker does not start unless they cover each job exactly once.
checkHandlerCoverage([
  ...SYSTEM_JOBS,
  ...IMPORT_JOBS,
  ...ALERT_JOBS,
  ...USAGE_JOBS,
  ...BILLING_JOBS,
  ...NOTIFY_JOBS,
]);

@Module({
  imports: [
    ConfigModule.forRoot('worker'),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
      // Refuses a role that could change the audit log (issue 12, item 7).
      dataSourceFactory: (options) => openApplicationDataSource(options!),
    }),
    QueueModule.forRoot(),
    // Features announce what happened (a usage import succeeded) and others react (billing closes again).
    EventEmitterModule.forRoot(),
    ImportJobsModule,
    UsageJobsModule,
    BillingJobsModule,
    NotificationJobsModule,
  ],
  providers: [
    JobReconciler,
    WorkerLiveness,
    SystemProcessor,
    ImportsProcessor,
    AlertsProcessor,
    UsageProcessor,
    BillingProcessor,
    NotifyProcessor,
  ],
})
export class WorkerModule {}
