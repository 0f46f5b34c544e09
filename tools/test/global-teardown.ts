// Drops this run's databases and Redis keys, then stops any server the setup started.
import IORedis from 'ioredis';
import { Client } from 'pg';
import { dropDatabase, dropRole } from '../dev-services';
import { TEST_DB_PREFIX } from './run-id';

export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__fleetTestServices;
  if (!services) return;
  globalThis.__fleetTestServices = undefined;
  const serverUrl = process.env.TEST_DB_SERVER_URL!;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${TEST_DB_PREFIX}${process.env.TEST_RUN_ID}%`],
  );
  await client.end();
  for (const { datname } of rows) await dropDatabase(serverUrl, datname);
  await dropRole(serverUrl, process.env.TEST_DB_APP_ROLE!).catch((error: unknown) =>
    process.stderr.write(`[test teardown] role ${process.env.TEST_DB_APP_ROLE} kept: ${String(error)}\n`),
  );

  const redis = new IORedis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.TEST_QUEUE_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await services.stop();
}
