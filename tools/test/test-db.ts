import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabaseName, withLogin } from '../dev-services';
import { TEST_DB_PREFIX } from './run-id';

export interface TestDatabase {
  /** The owner's URL: what migrations, backup, restore and fixtures use. */
  url: string;
  /** The application role's URL: what the API and the worker under test connect with. */
  appUrl: string;
  drop: () => Promise<void>;
}

/** A database of the test file's own, cloned from this run's migrated template (with its grants). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DB_SERVER_URL;
  const template = process.env.TEST_DB_TEMPLATE;
  const appRole = process.env.TEST_DB_APP_ROLE;
  if (!serverUrl || !template || !appRole)
    throw new Error('Run integration tests through jest (tools/test/global-setup.ts)');
  // Random, not a counter: jest gives every test file a fresh module registry, so a module-level
  // counter would restart at 1 for each file a worker process runs.
  const name = `${TEST_DB_PREFIX}${process.env.TEST_RUN_ID}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, name, template);
  const url = withDatabaseName(serverUrl, name);
  return {
    url,
    appUrl: withLogin(url, appRole, process.env.TEST_DB_APP_PASSWORD ?? ''),
    drop: () => dropDatabase(serverUrl, name),
  };
}
