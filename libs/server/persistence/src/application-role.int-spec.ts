import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropRole, withLogin } from '../../../../tools/dev-services';
import { TEST_DB_PREFIX } from '../../../../tools/test/run-id';
import { createTestDatabase, type TestDatabase } from '../../../../tools/test/test-db';
import { grantApplicationRole } from './application-role';

/** A role name of this test run's own (roles are shared by every database of the server). */
const roleName = (what: string) =>
  `${TEST_DB_PREFIX}${process.env.TEST_RUN_ID}_${what}_${randomBytes(3).toString('hex')}`;

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

const privilegesOn = (url: string, role: string, table: string) =>
  query<{ privilege_type: string }>(
    url,
    `SELECT privilege_type FROM information_schema.role_table_grants
      WHERE grantee = $1 AND table_name = $2 ORDER BY 1`,
    [role, table],
  ).then((rows) => rows.map((r) => r.privilege_type));

describe('grantApplicationRole (the migrate step after the migrations)', () => {
  let database: TestDatabase;
  const roles: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
    for (const role of roles) await dropRole(process.env.TEST_DB_SERVER_URL!, role);
  });

  it('creates the role from the URL, grants it the business tables and only SELECT and INSERT on the audit log, and can run again', async () => {
    const role = roleName('app');
    roles.push(role);
    const appUrl = withLogin(database.url, role, 'first-password-1');
    await grantApplicationRole(database.url, appUrl);
    await grantApplicationRole(database.url, appUrl);
    expect(await privilegesOn(database.url, role, 'audit_log')).toEqual(['INSERT', 'SELECT']);
    expect(await privilegesOn(database.url, role, 'devices')).toEqual([
      'DELETE',
      'INSERT',
      'SELECT',
      'UPDATE',
    ]);
    expect(await privilegesOn(database.url, role, 'migrations')).toEqual([]);
    const [attributes] = await query<{ rolsuper: boolean; rolcanlogin: boolean; rolcreatedb: boolean }>(
      database.url,
      'SELECT rolsuper, rolcanlogin, rolcreatedb FROM pg_roles WHERE rolname = $1',
      [role],
    );
    expect(attributes).toEqual({ rolsuper: false, rolcanlogin: true, rolcreatedb: false });
    // A changed password in APP_DATABASE_URL is set again by the next run.
    await grantApplicationRole(database.url, withLogin(database.url, role, 'second-password-2'));
    expect(await query(withLogin(database.url, role, 'second-password-2'), 'SELECT 1 AS one')).toEqual([
      { one: 1 },
    ]);
  });

  it('gives a table the owner creates later (a month partition, a later migration) the same grants', async () => {
    const role = roleName('later');
    roles.push(role);
    const appUrl = withLogin(database.url, role, 'later-password-3');
    await grantApplicationRole(database.url, appUrl);
    // The month partition, opened by the application through the owner's function, is the application's to
    // write; a period that is not one is refused before any SQL is built from it.
    await query(appUrl, 'SELECT open_usage_month($1)', ['2031-07']);
    await query(appUrl, 'SELECT open_usage_month($1)', ['2031-07']);
    expect(await privilegesOn(database.url, role, 'usage_records_2031_07')).toEqual([
      'DELETE',
      'INSERT',
      'SELECT',
      'UPDATE',
    ]);
    await expect(
      query(appUrl, 'SELECT open_usage_month($1)', ["2031-07'); DROP TABLE devices; --"]),
    ).rejects.toThrow(/not a period/);
    await query(database.url, 'CREATE TABLE later_table (id int)');
    expect(await privilegesOn(database.url, role, 'later_table')).toEqual([
      'DELETE',
      'INSERT',
      'SELECT',
      'UPDATE',
    ]);
  });

  it('grants per database: the role of one database has nothing in another of the same server', async () => {
    const other = await createTestDatabase();
    const role = roleName('one');
    roles.push(role);
    try {
      await grantApplicationRole(database.url, withLogin(database.url, role, 'one-password-4'));
      expect(await privilegesOn(other.url, role, 'devices')).toEqual([]);
    } finally {
      await other.drop();
    }
  });

  it('refuses a role that could change the audit log: the owner itself, a superuser, a member of the owner', async () => {
    const [{ owner }] = await query<{ owner: string }>(database.url, 'SELECT current_user AS owner');
    await expect(grantApplicationRole(database.url, withLogin(database.url, owner, 'x'))).rejects.toThrow(
      /a role other than the owner's/,
    );
    const superuser = roleName('su');
    const member = roleName('member');
    roles.push(superuser, member);
    await query(database.url, `CREATE ROLE "${superuser}" SUPERUSER LOGIN`);
    await query(database.url, `CREATE ROLE "${member}" LOGIN IN ROLE "${owner}"`);
    await expect(
      grantApplicationRole(database.url, withLogin(database.url, superuser, 'su-password-5')),
    ).rejects.toThrow(/is a superuser/);
    await expect(
      grantApplicationRole(database.url, withLogin(database.url, member, 'member-password-6')),
    ).rejects.toThrow(/is a member of the owner/);
    expect(await privilegesOn(database.url, member, 'devices')).toEqual([]);
  });

  it('refuses an APP_DATABASE_URL of another database than the owner’s', async () => {
    const elsewhere = new URL(withLogin(database.url, 'someone', 'x'));
    elsewhere.pathname = '/another';
    await expect(grantApplicationRole(database.url, elsewhere.toString())).rejects.toThrow(
      /must be the same/,
    );
  });
});
