import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, loadConfig, QuietLogger } from '@fleet/server/config';
import { WorkerModule } from './worker.module';

/** The worker: BullMQ processors in a Nest application context of their own, without HTTP. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new QuietLogger(loadConfig(undefined, 'worker').logLevel),
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Worker started, queue prefix ${app.get<AppConfig>(APP_CONFIG).queuePrefix}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
