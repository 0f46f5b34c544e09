import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one description of the database: entities, the ordered migrations, snake_case names. The
 * schema is changed only by migrations; `synchronize` stays off everywhere.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, application_name: 'police-fleet' },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/**
 * Applies every pending migration, or only those named in `only` (a restore brings a backup's schema
 * first, then the newer migrations); returns the names of those it ran.
 */
export async function migrate(url: string, only?: readonly string[]): Promise<string[]> {
  const options = dataSourceOptions(url);
  const dataSource = await new DataSource(
    only ? { ...options, migrations: MIGRATIONS.filter((m) => only.includes(m.name)) } : options,
  ).initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The names of every migration the product has, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => m.name);

/**
 * The SQL that would bring the database in line with the entities: empty when entities and
 * migrations agree. This is what `typeorm migration:generate --check` computes.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}
