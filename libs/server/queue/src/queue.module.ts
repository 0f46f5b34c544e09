import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { resolveInstallation } from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';
import { QueueName } from './queues';
import { RedisConnections } from './redis';

/** A plain Redis client for small keys (heartbeat), prefixed like the queues. */
export const REDIS = Symbol('REDIS');

/**
 * The prefix of every key this instance writes to Redis: QUEUE_PREFIX and the id of its database, so
 * instances that share one Redis (a second start, a staging copy, a test run) never see, take or
 * swallow each other's jobs, whatever their database ids.
 */
export const QUEUE_NAMESPACE = Symbol('QUEUE_NAMESPACE');

export const queueNamespace = (queuePrefix: string, installationId: string): string =>
  `${queuePrefix}:${installationId}`;

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
  ],
  exports: [RedisConnections, REDIS, QUEUE_NAMESPACE],
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
