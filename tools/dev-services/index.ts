// Local PostgreSQL and Redis for dev runs and tests; see database.ts and redis.ts.
export { resolveDatabase, type ResolvedDatabase } from './database';
export {
  createDatabase,
  dropDatabase,
  dropRole,
  quoteIdentifier,
  withDatabaseName,
  withLogin,
} from './database-admin';
export { resolveRedis, type ResolvedRedis } from './redis';
