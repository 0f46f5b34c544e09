import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { createApp } from './app';

async function main(): Promise<void> {
  const app = await createApp();
  const { port, host } = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ port, host });
  new Logger('Api').log(`Listening on http://${host}:${port} (API /api, docs /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
