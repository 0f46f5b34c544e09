import { createTestDatabase } from '../../../../tools/test/test-db';
import { createDataSource, pendingSchemaChanges } from './data-source';

describe('database schema', () => {
  it('is exactly what the entities describe once the migrations have run (no drift)', async () => {
    const database = await createTestDatabase();
    const dataSource = await createDataSource(database.url).initialize();
    try {
      const { up } = await pendingSchemaChanges(dataSource);
      expect(up).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('reverts every migration with its down and applies them again', async () => {
    const database = await createTestDatabase();
    const dataSource = await createDataSource(database.url).initialize();
    try {
      const count = dataSource.migrations.length;
      for (let i = 0; i < count; i += 1) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      expect((await dataSource.runMigrations()).length).toBe(count);
      expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
