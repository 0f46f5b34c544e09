import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { QueueName } from './queues';
import { RedisConnections } from './redis';

/** A plain Redis client for small keys (heartbeat), prefixed like the queues. */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    RedisConnections,
    {
      provide: REDIS,
      inject: [RedisConnections, APP_CONFIG],
      useFactory: (connections: RedisConnections, config: AppConfig) =>
        connections.create({ keyPrefix: `${config.queuePrefix}:` }),
    },
  ],
  exports: [RedisConnections, REDIS],
})
class RedisModule {}

/** BullMQ on the configured Redis, with every queue of QueueName registered. */
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
          inject: [RedisConnections, APP_CONFIG],
          useFactory: (connections: RedisConnections, config: AppConfig) => ({
            connection: connections.create(),
            prefix: config.queuePrefix,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      exports: [BullModule, RedisModule],
    };
  }
}
