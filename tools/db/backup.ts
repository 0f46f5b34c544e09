// `npm run backup [-- DIR]`: a backup of the database (DATABASE_URL, or npm start's embedded PostgreSQL)
// and of the stored files (DATA_DIR) into DIR, by default backups/fleet-<moment>. See backup-archive.ts.
import { join, resolve } from 'node:path';
import { backup, type FileLocations } from './backup-archive';

const root = resolve(__dirname, '../../../..');

/** Where npm start keeps the stored files (DATA_DIR, REPAIR_PHOTO_DIR), as the product reads them. */
export function fileLocations(): FileLocations {
  const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
  const repairPhotoDir = process.env.REPAIR_PHOTO_DIR
    ? resolve(root, process.env.REPAIR_PHOTO_DIR)
    : join(dataDir, 'repair-photos');
  return { dataDir, repairPhotoDir };
}

/**
 * DATABASE_URL, or npm start's embedded PostgreSQL (loaded only then: the production image has no
 * embedded server).
 */
export async function databaseOf(
  dataDir: string,
  log: (message: string) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: () => Promise.resolve() };
  const { resolveDatabase } = await import('../dev-services');
  return resolveDatabase({ dataDir, log });
}

async function main(): Promise<void> {
  const files = fileLocations();
  const moment = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = resolve(root, process.argv[2] ?? join('backups', `fleet-${moment}`));
  const database = await databaseOf(files.dataDir, (m) => console.log(`[backup] ${m}`));
  try {
    const manifest = await backup(database.url, files, dir);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `[backup] ${dir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files} files, schema ${manifest.migrations.at(-1)}`,
    );
  } finally {
    await database.stop();
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(`[backup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
