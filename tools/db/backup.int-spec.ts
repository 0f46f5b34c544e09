import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { createDataSource } from '@fleet/server/persistence';
import { verifyAuditLogChain } from '@fleet/server/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { seedDemoIfEmpty } from '../seed/seed-demo';
import { createTestDatabase } from '../test/test-db';
import { ApiClient, startTestServer, type TestServer } from '../test/test-server';
import { sample } from '../test/usage-fixtures';
import { backup, restore } from './backup-archive';

/** Every table's row count, the month's totals and the sequences: what a restore must give back. */
async function snapshot(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('installation') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0].n;
    const totals = (
      await db.query(
        `SELECT period, sim_id, voice_min, sms, national_kb::text, apn_kb::text, source, carrier_overage_fen
           FROM monthly_usage ORDER BY period, sim_id`,
      )
    ).rows;
    const records = (
      await db.query(`SELECT md5(string_agg(u::text, '|' ORDER BY u::text)) AS digest FROM usage_records u`)
    ).rows[0] as { digest: string };
    const sequences = (
      await db.query(
        `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      )
    ).rows;
    return { counts, totals, records, sequences };
  } finally {
    await db.end();
  }
}

describe('npm run backup and npm run restore', () => {
  let server: TestServer;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await server?.stop();
  });

  it('restores a backup into a fresh database with every count, the month totals, records, sequences and files equal', async () => {
    await seedDemoIfEmpty(server.databaseUrl, () => 'demo-password-harbour-17');
    // A carrier detail file through the API and the worker: records in a month partition, a stored file.
    const admin = new ApiClient(server.baseUrl);
    const { accessToken } = (await (
      await admin.login(server.admin.username, server.admin.password)
    ).json()) as {
      accessToken: string;
    };
    const uploaded = await fetch(`${server.baseUrl}/api/usage-imports?fileName=detail.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(sample('usage-detail-2026-01.gbk.csv')),
    });
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as { id: number };
    for (let status = ''; status !== 'succeeded';) {
      await new Promise((r) => setTimeout(r, 200));
      status = ((await (await admin.request('GET', `/api/usage-imports/${id}`)).json()) as { status: string })
        .status;
      expect(status).not.toBe('failed');
    }
    const dataDir = process.env.DATA_DIR!;
    const photos = await mkdtemp(join(tmpdir(), 'photos-'));
    await writeFile(join(photos, 'ticket-1.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const before = await snapshot(server.databaseUrl);
    expect(before.counts.usage_records).toBe(1200);
    expect(before.counts.repair_tickets).toBeGreaterThan(0);

    const dir = await mkdtemp(join(tmpdir(), 'fleet-backup-'));
    const manifest = await backup(server.databaseUrl, { dataDir, repairPhotoDir: photos }, join(dir, 'b'));
    expect(manifest.partitions.map((p) => p.name)).toContain('usage_records_2026_01');
    expect(manifest.files).toBeGreaterThanOrEqual(2);

    const target = await createTestDatabase();
    const restoredData = await mkdtemp(join(tmpdir(), 'fleet-restored-'));
    const restoredPhotos = join(restoredData, 'repair-photos');
    try {
      // The test template is migrated: not empty, so it is refused unless asked to replace it.
      await expect(
        restore(target.url, { dataDir: restoredData, repairPhotoDir: restoredPhotos }, join(dir, 'b')),
      ).rejects.toThrow(/not empty/);
      await restore(target.url, { dataDir: restoredData, repairPhotoDir: restoredPhotos }, join(dir, 'b'), {
        replace: true,
      });
      expect(await snapshot(target.url)).toEqual(before);
      // The audit log comes back as the same unbroken hash chain.
      const restored = await createDataSource(target.url).initialize();
      try {
        expect(await verifyAuditLogChain(restored)).toMatchObject({
          ok: true,
          count: before.counts.audit_log,
        });
      } finally {
        await restored.destroy();
      }
      const db = new Client({ connectionString: target.url });
      await db.connect();
      const { stored_path } = (await db.query(`SELECT stored_path FROM usage_imports WHERE id = $1`, [id]))
        .rows[0] as {
        stored_path: string;
      };
      await db.end();
      expect(await readFile(join(restoredData, stored_path))).toEqual(sample('usage-detail-2026-01.gbk.csv'));
      expect(await readFile(join(restoredPhotos, 'ticket-1.jpg'))).toEqual(
        Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      );
    } finally {
      await target.drop();
    }
  }, 120_000);
});
