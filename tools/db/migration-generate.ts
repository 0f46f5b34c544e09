// Writes a migration with the SQL that brings a freshly migrated database in line with the entities:
//   npm run migration:generate -- AddDevices
// It works on a scratch database on the server of DATABASE_URL (default: the local PostgreSQL).
import { writeFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createDataSource, pendingSchemaChanges } from '@fleet/server/persistence';
import { createDatabase, dropDatabase, withDatabaseName } from '../dev-services/database-admin';

const root = resolve(__dirname, '../../../..');
const migrationsDir = join(root, 'libs/server/persistence/src/migrations');

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down.reverse())}
  }
}
`;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: npm run migration:generate -- PascalCaseName');
  }
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `fleet_migration_${Date.now()}`;
  await createDatabase(serverUrl, scratch);
  const dataSource = createDataSource(withDatabaseName(serverUrl, scratch));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (!up.length) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    await writeFile(join(migrationsDir, `${file}.ts`), migrationSource(className, up, down));
    const indexPath = join(migrationsDir, 'index.ts');
    const index = await readFile(indexPath, 'utf8');
    const updated = index
      .replace(
        /\n\nexport const MIGRATIONS/,
        `\nimport { ${className} } from './${file}';\n\nexport const MIGRATIONS`,
      )
      .replace(
        /export const MIGRATIONS = \[([^\]]*)\];/,
        (_all, list: string) =>
          `export const MIGRATIONS = [${[list.trim().replace(/,$/, ''), className].filter(Boolean).join(', ')}];`,
      );
    await writeFile(indexPath, updated);
    console.log(`Wrote ${file}.ts with ${up.length} statements; run prettier on it.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(serverUrl, scratch);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
