import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openApplicationDataSource } from '@fleet/server/persistence';
import { auditadminOf, startTestServer, type TestServer } from '../../../../../tools/test/test-server';
import { verifyAuditLogChain } from './audit-chain.service';
import { AuditService } from './audit.service';

/** The SQLSTATE PostgreSQL answers a statement with, or 'ok'. */
async function outcome(db: Client, sql: string): Promise<string> {
  try {
    await db.query(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe("the application's database role (issue 12, item 7)", () => {
  let server: TestServer;
  let app: Client;

  beforeAll(async () => {
    server = await startTestServer();
    app = new Client({ connectionString: server.appDatabaseUrl });
    await app.connect();
  }, 60_000);

  afterAll(async () => {
    await app?.end();
    await server?.stop();
  });

  it('is what the API runs as, and is not the owner of the tables', async () => {
    const [{ role }] = (await app.query<{ role: string }>('SELECT current_user AS role')).rows;
    const owner = new Client({ connectionString: server.databaseUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'police-fleet'`,
      );
      expect(rows.map((r) => r.usename)).toEqual([role]);
      const [{ tableowner }] = (
        await owner.query<{ tableowner: string }>(
          `SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'`,
        )
      ).rows;
      expect(tableowner).not.toBe(role);
    } finally {
      await owner.end();
    }
  });

  it('cannot TRUNCATE the audit log, nor UPDATE or DELETE its rows, drop or disable its trigger, or ALTER or DROP it', async () => {
    const refused = [
      'TRUNCATE audit_log',
      'TRUNCATE audit_log CASCADE',
      'UPDATE audit_log SET username = NULL',
      'DELETE FROM audit_log',
      'DROP TRIGGER audit_log_immutable ON audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable',
      'ALTER TABLE audit_log DROP COLUMN hash',
      'DROP TABLE audit_log',
      // Replica mode skips every trigger: superusers only.
      "SET session_replication_role = 'replica'",
      'CREATE OR REPLACE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
      // Nor any other table's shape, nor a table of its own.
      'ALTER TABLE devices ADD COLUMN x int',
      'DROP TABLE devices CASCADE',
      'TRUNCATE devices CASCADE',
      'CREATE TABLE scratch (id int)',
      // The migrations' history is the owner's alone.
      'SELECT * FROM migrations',
    ];
    const answers: Record<string, string> = {};
    for (const sql of refused) answers[sql] = await outcome(app, sql);
    expect(answers).toEqual(Object.fromEntries(refused.map((sql) => [sql, INSUFFICIENT_PRIVILEGE])));
  });

  it('SELECTs and INSERTs audit rows that extend the chain, and reads and writes the business tables', async () => {
    const [{ n: before }] = (await app.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows;
    expect(before).toBeGreaterThan(0); // the three administrators' logins, through the API
    const dataSource = await new DataSource(dataSourceOptions(server.appDatabaseUrl)).initialize();
    try {
      await new AuditService().record(dataSource.manager, {
        actor: null,
        action: 'update',
        resource: 'devices',
        resourceId: 1,
        after: { note: 'written by the application role' },
      });
      expect(await verifyAuditLogChain(dataSource)).toMatchObject({ ok: true, count: before + 1 });
    } finally {
      await dataSource.destroy();
    }
    // Privileges are checked when a statement is planned, so WHERE false proves the right without a change.
    for (const sql of [
      'UPDATE devices SET imei1 = imei1 WHERE false',
      'DELETE FROM officers WHERE false',
      'SELECT count(*) FROM users',
    ])
      expect(await outcome(app, sql)).toBe('ok');
  });

  it('keeps the API working end to end on it: the audit administrator reads and verifies the chain', async () => {
    const auditadmin = await auditadminOf(server);
    const verified = await auditadmin.request('GET', '/api/audit-log/verify');
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ ok: true });
    expect((await auditadmin.request('GET', '/api/audit-log?range=[0,9]')).status).toBe(200);
  });

  it('refuses to start the API or the worker as the owner, who could rewrite the audit log', async () => {
    await expect(openApplicationDataSource(dataSourceOptions(server.databaseUrl))).rejects.toThrow(
      /APP_DATABASE_URL must be the application's role.*(is a superuser|owns the table)/,
    );
    const ok = await openApplicationDataSource(dataSourceOptions(server.appDatabaseUrl));
    await ok.destroy();
  });
});
