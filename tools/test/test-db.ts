import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabaseName } from '../dev-services';
import { TEST_DB_PREFIX } from './run-id';

/** A database of the test file's own, cloned from this run's migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DB_SERVER_URL;
  const template = process.env.TEST_DB_TEMPLATE;
  if (!serverUrl || !template)
    throw new Error('Run integration tests through jest (tools/test/global-setup.ts)');
  // Random, not a counter: jest gives every test file a fresh module registry, so a module-level
  // counter would restart at 1 for each file a worker process runs.
  const name = `${TEST_DB_PREFIX}${process.env.TEST_RUN_ID}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, name, template);
  return { url: withDatabaseName(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
