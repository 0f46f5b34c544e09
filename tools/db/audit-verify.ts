// `npm run audit:verify`: walks the audit hash chain of the database (DATABASE_URL, or npm start's embedded
// PostgreSQL) from its first row and prints OK with the row count, or the first row that breaks it (exit 1).
import { createDataSource } from '@fleet/server/persistence';
import { describeAuditChain, verifyAuditLogChain } from '@fleet/server/platform';
import { databaseOf, fileLocations } from './backup';

async function main(): Promise<number> {
  const database = await databaseOf(fileLocations().dataDir, (m) => console.log(`[audit:verify] ${m}`));
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    const result = await verifyAuditLogChain(dataSource);
    const lang = (process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
    const { message } = describeAuditChain(result, lang);
    if (result.ok) {
      console.log(`[audit:verify] OK ${result.count} rows. ${message}`);
      return 0;
    }
    console.error(`[audit:verify] BROKEN at row ${result.brokenId} (${result.reason}). ${message}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[audit:verify] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
