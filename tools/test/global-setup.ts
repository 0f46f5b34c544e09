// Once per jest run: find PostgreSQL (DATABASE_URL, or an embedded server) and Redis, migrate a
// template database for this run and grant this run's application role on it, and hand their
// coordinates to the test files through the environment. Each test file then clones the template into a
// database of its own (test-db.ts); the clone keeps the template's grants, so the API and the worker under
// test connect as the application's role, as in production.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { grantApplicationRole, migrate } from '@fleet/server/persistence';
import { createDatabase, resolveDatabase, resolveRedis, withDatabaseName, withLogin } from '../dev-services';
import { newRunId, TEST_DB_PREFIX } from './run-id';

interface TestServices {
  stop: () => Promise<void>;
}

declare global {
  var __fleetTestServices: TestServices | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (globalThis.__fleetTestServices) return;
  const dataDir = resolve(__dirname, '../../tmp/test-services');
  const log = (message: string) => process.stderr.write(`[test setup] ${message}\n`);
  const database = await resolveDatabase({ dataDir: join(dataDir), log });
  const redis = await resolveRedis({ dataDir, log });
  const runId = newRunId();
  const template = `${TEST_DB_PREFIX}${runId}_template`;
  await createDatabase(database.url, template);
  await migrate(withDatabaseName(database.url, template));
  // Roles are cluster-wide and runs share a server: one role per run, dropped with its databases.
  const appRole = `${TEST_DB_PREFIX}${runId}_app`;
  const appPassword = randomBytes(18).toString('base64url');
  await grantApplicationRole(
    withDatabaseName(database.url, template),
    withLogin(withDatabaseName(database.url, template), appRole, appPassword),
  );

  process.env.TEST_DB_SERVER_URL = database.url;
  process.env.TEST_DB_TEMPLATE = template;
  process.env.TEST_DB_APP_ROLE = appRole;
  process.env.TEST_DB_APP_PASSWORD = appPassword;
  process.env.TEST_RUN_ID = runId;
  process.env.REDIS_URL = redis.url;
  process.env.TEST_QUEUE_PREFIX = `fleet-test-${runId}`;
  process.env.QUEUE_PREFIX = process.env.TEST_QUEUE_PREFIX;
  globalThis.__fleetTestServices = {
    stop: async () => {
      await database.stop();
      await redis.stop();
    },
  };
}
