import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * The database roles (issue 12, item 7, ADR 0010). The owner (DATABASE_URL) runs the migrations and owns
 * every table; the API and the worker connect as the application's role (APP_DATABASE_URL), which may read
 * and write the business tables but only SELECT and INSERT the audit log: no UPDATE, DELETE or TRUNCATE, no
 * DDL (so no trigger turned off), and nothing on the migrations' history.
 */

/** Tables the application appends to and reads, never changes. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;
/** Tables only the owner touches: TypeORM's record of the migrations run. */
export const OWNER_ONLY_TABLES = ['migrations'] as const;
/** Functions that run with the owner's rights, each doing one checked thing the application needs. */
export const APPLICATION_FUNCTIONS = ['open_usage_month(text)'] as const;

/** The role named in an application URL, and its password when the URL gives one. */
export function applicationLoginOf(appUrl: string): { role: string; password: string | null } {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  if (!role) throw new Error('APP_DATABASE_URL must name the application role (postgres://ROLE:PASSWORD@…)');
  return { role, password: url.password ? decodeURIComponent(url.password) : null };
}

const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Creates the application's role when missing (its password from the URL, set again on every run, so a
 * changed APP_DATABASE_URL password takes effect at the next migrate), then grants it what the product needs
 * in this database and no more. Idempotent: run after every migration, by the owner. Default privileges give
 * tables the owner creates later (the month partitions opened by open_usage_month) the same grants. Roles are
 * cluster-wide: one role may serve several databases of one server, each granted on its own.
 */
export async function grantApplicationRole(ownerUrl: string, appUrl: string): Promise<void> {
  const { role, password } = applicationLoginOf(appUrl);
  if (databaseOf(ownerUrl) !== databaseOf(appUrl))
    throw new Error(
      `APP_DATABASE_URL names database "${databaseOf(appUrl)}", DATABASE_URL "${databaseOf(ownerUrl)}": they must be the same`,
    );
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const [{ owner, database }] = (
      await db.query<{ owner: string; database: string }>(
        'SELECT current_user AS owner, current_database() AS database',
      )
    ).rows;
    if (owner === role)
      throw new Error(`APP_DATABASE_URL must name a role other than the owner's (DATABASE_URL's "${owner}")`);
    const name = escapeIdentifier(role);
    const withPassword = password === null ? '' : ` PASSWORD ${escapeLiteral(password)}`;
    const exists = async () =>
      (await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    if (!(await exists())) {
      // Two databases migrated at once may both create it: the loser alters the winner's role below.
      await db.query(`CREATE ROLE ${name} LOGIN${withPassword}`).catch(async (error: unknown) => {
        if (!(await exists())) throw error;
      });
    }
    // A role made beforehand (by a DBA, NOLOGIN) or a changed password: brought in line with the URL.
    const [{ canLogin }] = (
      await db.query<{ canLogin: boolean }>(
        'SELECT rolcanlogin AS "canLogin" FROM pg_roles WHERE rolname = $1',
        [role],
      )
    ).rows;
    if (withPassword || !canLogin) await db.query(`ALTER ROLE ${name} LOGIN${withPassword}`);

    const [unsafe] = (
      await db.query<{ superuser: boolean; bypassrls: boolean; actsAsOwner: boolean; owns: number }>(
        `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
                pg_has_role(r.oid, current_user, 'USAGE') AS "actsAsOwner",
                (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owns
           FROM pg_roles r WHERE r.rolname = $1`,
        [role],
      )
    ).rows;
    const why = [
      unsafe.superuser && 'is a superuser',
      unsafe.bypassrls && 'bypasses row security',
      unsafe.actsAsOwner && `is a member of the owner "${owner}"`,
      unsafe.owns > 0 && `owns ${unsafe.owns} tables or sequences (ALTER … OWNER TO "${owner}" first)`,
    ].filter(Boolean);
    if (why.length)
      throw new Error(`the application role "${role}" ${why.join(', ')}: it could change the audit log`);

    await db.query('BEGIN');
    // Only the owner creates objects (the default of PostgreSQL 15 and later, made explicit for older ones).
    await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await db.query(`GRANT CONNECT ON DATABASE ${escapeIdentifier(database)} TO ${name}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`);
    for (const table of APPEND_ONLY_TABLES) {
      await db.query(`REVOKE ALL ON ${escapeIdentifier(table)} FROM ${name}`);
      await db.query(`GRANT SELECT, INSERT ON ${escapeIdentifier(table)} TO ${name}`);
    }
    for (const table of OWNER_ONLY_TABLES)
      await db.query(`REVOKE ALL ON ${escapeIdentifier(table)} FROM ${name}`);
    for (const fn of APPLICATION_FUNCTIONS) await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${name}`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/**
 * What the connected role could do to the audit log beyond SELECT and INSERT; empty for the application's
 * role. The API and the worker refuse to start otherwise, so a deployment cannot run them as the owner.
 */
export async function auditLogOverreach(dataSource: DataSource): Promise<string[]> {
  const [row] = await dataSource.query<
    {
      role: string;
      superuser: boolean;
      owner: boolean;
      update: boolean;
      delete: boolean;
      truncate: boolean;
    }[]
  >(
    `SELECT current_user AS role, r.rolsuper AS superuser,
            pg_has_role(c.relowner, 'USAGE') AS owner,
            has_table_privilege(c.oid, 'UPDATE') AS update,
            has_table_privilege(c.oid, 'DELETE') AS delete,
            has_table_privilege(c.oid, 'TRUNCATE') AS truncate
       FROM pg_class c, pg_roles r
      WHERE c.oid = 'public.audit_log'::regclass AND r.rolname = current_user`,
  );
  const found: string[] = [];
  if (row.superuser) found.push('is a superuser');
  if (row.owner) found.push('owns the table (and may turn its trigger off)');
  for (const privilege of ['update', 'delete', 'truncate'] as const)
    if (row[privilege] && !row.superuser && !row.owner) found.push(`may ${privilege.toUpperCase()} it`);
  return found.map((what) => `"${row.role}" ${what}`);
}

/**
 * The data source of the API and the worker: refuses a role that could change the audit log (the owner's
 * DATABASE_URL given by mistake).
 */
export async function openApplicationDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const overreach = await auditLogOverreach(dataSource);
  if (overreach.length) {
    await dataSource.destroy();
    throw new Error(
      `APP_DATABASE_URL must be the application's role, which may only SELECT and INSERT the audit log: ${overreach.join('; ')}. The migrate step (npm run db:migrate, compose's migrate) creates that role from APP_DATABASE_URL.`,
    );
  }
  return dataSource;
}
