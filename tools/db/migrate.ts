// The deployment's one-shot migration step: applies pending migrations to DATABASE_URL (the tables' owner),
// then creates or updates the application's role named in APP_DATABASE_URL and grants it what the API and
// the worker need (the audit log: SELECT and INSERT only). See ADR 0010.
import { applicationLoginOf, grantApplicationRole, migrate } from '@fleet/server/persistence';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required: the tables' owner, who runs the migrations");
  const appUrl = process.env.APP_DATABASE_URL;
  if (!appUrl)
    throw new Error("APP_DATABASE_URL is required: the application's role, created and granted here");
  const ran = await migrate(url);
  console.log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Database schema is up to date.');
  await grantApplicationRole(url, appUrl);
  console.log(
    `Application role "${applicationLoginOf(appUrl).role}" granted: the business tables, the audit log SELECT and INSERT only.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
