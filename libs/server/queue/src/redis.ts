import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import IORedis, { type RedisOptions } from 'ioredis';

/**
 * The Redis connections of a process, made from the configured URL and all closed at shutdown, so a
 * stopped app (or a finished test) leaves no socket open. BullMQ needs maxRetriesPerRequest null.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly open = new Set<IORedis>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  create(options: RedisOptions = {}): IORedis {
    const connection = new IORedis(this.config.redisUrl, { maxRetriesPerRequest: null, ...options });
    this.open.add(connection);
    return connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.open].map((c) => c.quit().catch(() => c.disconnect())));
    this.open.clear();
  }
}
