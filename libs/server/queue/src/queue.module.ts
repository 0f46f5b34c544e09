import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { resolveInstallation } from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';
import { QueueAvailability } from './availability';
import { QueueName } from './queues';
import { QUEUE_NAMESPACE, queueNamespace, REDIS } from './tokens';
import { RedisConnections } from './redis';

@Global()
@Module({
  providers: [
    RedisConnections,
    {
      provide: QUEUE_NAMESPACE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: async (config: AppConfig, dataSource: DataSource) =>
        queueNamespace(config.queuePrefix, await resolveInstallation(dataSource)),
    },
    {
      provide: REDIS,
      inject: [RedisConnections, QUEUE_NAMESPACE],
      useFactory: (connections: RedisConnections, namespace: string) =>
        connections.create({ keyPrefix: `${namespace}:` }),
    },
    QueueAvailability,
  ],
  exports: [RedisConnections, REDIS, QUEUE_NAMESPACE, QueueAvailability],
})
class RedisModule {}

/** BullMQ on the configured Redis, with every queue of QueueName registered under the namespace. */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        RedisModule,
        BullModule.forRootAsync({
          imports: [RedisModule],
          inject: [RedisConnections, QUEUE_NAMESPACE],
          useFactory: (connections: RedisConnections, namespace: string) => ({
            connection: connections.create(),
            prefix: namespace,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      exports: [BullModule, RedisModule],
    };
  }
}
