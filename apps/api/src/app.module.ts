import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@fleet/server/config';
import { BillingModule } from '@fleet/server/feature-billing';
import { ContractModule } from '@fleet/server/feature-contract';
import { ImportsModule } from '@fleet/server/feature-imports';
import { InventoryModule } from '@fleet/server/feature-inventory';
import { OrgModule } from '@fleet/server/feature-org';
import { RepairsModule } from '@fleet/server/feature-repairs';
import { UsageModule } from '@fleet/server/feature-usage';
import { dataSourceOptions, openApplicationDataSource } from '@fleet/server/persistence';
import { PlatformModule } from '@fleet/server/platform';
import { QueueModule } from '@fleet/server/queue';
import { HealthController } from './health/health.controller';

@Module({
  imports: [
    ConfigModule.forRoot('api'),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
      // Refuses a role that could change the audit log (issue 12, item 7).
      dataSourceFactory: (options) => openApplicationDataSource(options!),
    }),
    QueueModule.forRoot(),
    PlatformModule,
    OrgModule,
    InventoryModule,
    ImportsModule,
    UsageModule,
    BillingModule,
    RepairsModule,
    ContractModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
