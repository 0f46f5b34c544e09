// The worker's modules for bench:close (loaded once the bench has set the environment they read).
import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@fleet/server/config';
import { BillingJobsModule } from '@fleet/server/feature-billing';
import { UsageJobsModule } from '@fleet/server/feature-usage';
import { dataSourceOptions } from '@fleet/server/persistence';
import { QueueModule } from '@fleet/server/queue';

export { PeriodsService } from '@fleet/server/feature-billing';
export { UsageRunner } from '@fleet/server/feature-usage';

const database = TypeOrmModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
});

/** The worker's configuration, database and queues, and the two modules a close runs in (no processors). */
@Module({
  imports: [
    ConfigModule.forRoot('worker'),
    database,
    QueueModule.forRoot(),
    EventEmitterModule.forRoot(),
    UsageJobsModule,
    BillingJobsModule,
  ],
})
export class BenchWorkerModule {}
