// `npm run restore -- DIR [--replace]`: restores a backup made by `npm run backup` into the database
// (DATABASE_URL, or npm start's embedded PostgreSQL) and the stored files into DATA_DIR. The database
// must be empty; --replace empties it first. Stop npm start before restoring into its database. With
// APP_DATABASE_URL set, the application's role is granted on the restored tables too (otherwise the next
// npm start or migrate step does it).
import { resolve } from 'node:path';
import { grantApplicationRole } from '@fleet/server/persistence';
import { restore } from './backup-archive';
import { databaseOf, fileLocations } from './backup';

const root = resolve(__dirname, '../../../..');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) throw new Error('usage: npm run restore -- DIR [--replace]');
  const files = fileLocations();
  const database = await databaseOf(files.dataDir, (m) => console.log(`[restore] ${m}`));
  try {
    const manifest = await restore(database.url, files, resolve(root, dir), {
      replace: args.includes('--replace'),
    });
    if (process.env.APP_DATABASE_URL) await grantApplicationRole(database.url, process.env.APP_DATABASE_URL);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`[restore] restored ${rows} rows and ${manifest.files} files from ${manifest.createdAt}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[restore] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
