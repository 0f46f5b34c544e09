import { type DataSource, type ObjectLiteral, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface PreparedPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: ObjectLiteral[] }>;
}

/**
 * Runs a statement as a named prepared statement on one of the data source's pooled connections:
 * PostgreSQL parses it once a connection instead of at every request (the same text always has the
 * same name). Errors come as the ORM's QueryFailedError, as from DataSource.query. Other drivers run
 * it as a plain query.
 */
export async function runPrepared<R extends ObjectLiteral>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  if (dataSource.options.type !== 'postgres') return dataSource.query<R[]>(text, values);
  const pool = (dataSource.driver as PostgresDriver).master as PreparedPool;
  try {
    return (await pool.query({ name, text, values })).rows as R[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
