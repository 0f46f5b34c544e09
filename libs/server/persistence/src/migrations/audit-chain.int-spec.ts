import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { verifyAuditLogChain } from '@fleet/server/platform';
import { createDatabase, dropDatabase, withDatabaseName } from '../../../../../tools/dev-services';
import { TEST_DB_PREFIX } from '../../../../../tools/test/run-id';
import { dataSourceOptions } from '../data-source';
import { MIGRATIONS } from './index';
import { AuditChain1796529086714 } from './1796529086714-AuditChain';

describe('the AuditChain migration', () => {
  it('chains the audit rows already there in id order, and the chain verifies', async () => {
    const serverUrl = process.env.TEST_DB_SERVER_URL;
    if (!serverUrl) throw new Error('Run integration tests through jest (tools/test/global-setup.ts)');
    const name = `${TEST_DB_PREFIX}${process.env.TEST_RUN_ID}_chain_${randomBytes(4).toString('hex')}`;
    await createDatabase(serverUrl, name);
    const url = withDatabaseName(serverUrl, name);
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChain1796529086714));
    const old = await new DataSource({ ...dataSourceOptions(url), migrations: before }).initialize();
    try {
      await old.runMigrations();
      // 1,200 rows written before the chain (more than one batch), with microseconds in their times.
      await old.query(
        `INSERT INTO audit_log (at, user_id, username, action, resource, resource_id, before, after, ip)
         SELECT now() - make_interval(secs => g * 1.000001), NULLIF(g % 3, 0), 'user' || g, 'update', 'devices',
                g::text, jsonb_build_object('b', g, 'a', 'ü'), CASE WHEN g % 2 = 0 THEN NULL ELSE '{"x":[1,2.5]}'::jsonb END,
                '127.0.0.1'
           FROM generate_series(1, 1200) AS g`,
      );
    } finally {
      await old.destroy();
    }
    const current = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      await current.runMigrations();
      expect(await verifyAuditLogChain(current)).toMatchObject({ ok: true, count: 1200 });
      const [first] = await current.query<{ prev_hash: string }[]>(
        'SELECT prev_hash FROM audit_log ORDER BY id LIMIT 1',
      );
      expect(first.prev_hash).toBe('0'.repeat(64));
      // The trigger is on again.
      await expect(current.query('UPDATE audit_log SET username = NULL WHERE id = 1')).rejects.toThrow(
        /cannot be changed/,
      );
    } finally {
      await current.destroy();
      await dropDatabase(serverUrl, name);
    }
  });
});
