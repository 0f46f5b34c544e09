// Applies pending migrations to DATABASE_URL: the deployment's one-shot migration step.
import { migrate } from '@fleet/server/persistence';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required: the PostgreSQL database to migrate');
  const ran = await migrate(url);
  console.log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Database schema is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
