import { DataSource } from 'typeorm';
import { Client } from 'pg';
import type { AuditChainVerifyDto } from '@fleet/shared/contracts';
import {
  ApiClient,
  auditadminOf,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';
import { AuditService } from './audit.service';

async function tamper(databaseUrl: string, sql: string, params: unknown[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // What a superuser could do behind the application's back: the trigger off, a row rewritten.
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable');
    await db.query(sql, params);
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable');
  } finally {
    await db.end();
  }
}

describe('the audit hash chain (issue 12, item 7)', () => {
  let server: TestServer;
  let auditadmin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    auditadmin = await auditadminOf(server);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const verify = async (lang = 'zh') => {
    const response = await auditadmin.request('GET', '/api/audit-log/verify', undefined, {
      'accept-language': lang,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as AuditChainVerifyDto;
  };

  it('stays one unforked chain after many concurrent audited writes, through the API and directly', async () => {
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).status).toBe(200);
    const audit = server.app.get(AuditService);
    const dataSource = server.app.get(DataSource);
    const direct = Array.from({ length: 40 }, (_, i) =>
      dataSource
        .transaction(async (manager) => {
          await audit.record(manager, {
            actor: { userId: null, username: `测试${i}`, ip: '10.0.0.1' },
            action: 'update',
            resource: 'chain-test',
            resourceId: i,
            before: { z: 1, a: [1, 2.5, { y: 'ü', b: null }], when: new Date('2026-01-01T00:00:00.123Z') },
            after: { nested: { deep: { n: 1e21, small: 1e-7, s: '引号"\\ 和\n换行' } }, skipped: undefined },
          });
          // Half of them roll back after appending: their ids are skipped, the chain is not.
          if (i % 2) throw new Error('rolled back on purpose');
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message === 'rolled back on purpose')) throw error;
        }),
    );
    const outside = Array.from({ length: 5 }, (_, i) =>
      audit.record(dataSource.manager, {
        actor: null,
        action: 'create',
        resource: 'chain-test',
        resourceId: `outside-${i}`,
        after: 'a plain value',
      }),
    );
    const units = Array.from({ length: 20 }, (_, i) =>
      admin.request('POST', '/api/units', { name: `链测试单位${i}` }),
    );
    const answers = await Promise.all(units);
    await Promise.all([...direct, ...outside]);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201));

    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ count: string; links: string }>(
        'SELECT count(*) AS count, count(DISTINCT prev_hash) AS links FROM audit_log',
      );
      expect(Number(rows[0].links)).toBe(Number(rows[0].count));
      const written = await db.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE resource = 'chain-test'",
      );
      expect(written.rows[0].n).toBe(25);
    } finally {
      await db.end();
    }
    const result = await verify('en');
    expect(result).toMatchObject({ ok: true, brokenId: null, reason: null });
    expect(result.count).toBeGreaterThanOrEqual(45);
    expect(result.message).toContain(`${result.count} rows verified`);
    expect((await verify('zh')).message).toContain('审计链完整');
  });

  it('is read by the audit administrator alone', async () => {
    const admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    expect((await admin.request('GET', '/api/audit-log/verify')).status).toBe(403);
    expect((await new ApiClient(server.baseUrl).request('GET', '/api/audit-log/verify')).status).toBe(401);
  });

  it('names the first row changed behind its back, and the row after one removed', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    let ids: number[];
    try {
      ids = (
        await db.query<{ id: number }>("SELECT id FROM audit_log WHERE resource = 'chain-test' ORDER BY id")
      ).rows.map((r) => r.id);
    } finally {
      await db.end();
    }
    const changed = ids[3];
    await tamper(server.databaseUrl, `UPDATE audit_log SET after = '{"tampered": true}' WHERE id = $1`, [
      changed,
    ]);
    const broken = await verify('en');
    expect(broken).toMatchObject({ ok: false, brokenId: changed, reason: 'hash' });
    expect(broken.message).toContain(`row ${changed}`);
    expect((await verify('zh')).message).toContain(`第 ${changed} 号记录`);

    // An earlier row changed too (its time and contents): the walk names the first break.
    await tamper(
      server.databaseUrl,
      "UPDATE audit_log SET at = at + interval '1 second', after = NULL WHERE id = $1",
      [ids[1]],
    );
    expect(await verify('en')).toMatchObject({ ok: false, brokenId: ids[1], reason: 'hash' });

    await tamper(server.databaseUrl, 'DELETE FROM audit_log WHERE id = $1', [ids[0]]);
    const removed = await verify('en');
    expect(removed.ok).toBe(false);
    expect(removed.reason).toBe('prev_hash');
    expect(removed.brokenId).toBeGreaterThan(ids[0]);
  });
});
