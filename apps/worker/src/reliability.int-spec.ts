import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import iconv from 'iconv-lite';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { UsageRunner } from '@fleet/server/feature-usage';
import { FileRunLease, LeaseHeldError, LeaseLostError } from '@fleet/server/persistence';
import { JobName, QUEUE_NAMESPACE, QueueName, usageImportJobId } from '@fleet/server/queue';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { expectedDetailTotals, insertSampleSims, rowsOf, sample } from '../../../tools/test/usage-fixtures';
import { redisServerEnv } from '../../../tools/dev-services/support';
import { WorkerModule } from './worker.module';

// Every scenario checks the outcome a bureau relies on: the month's totals equal an independent sum of
// the file, and the import's stored rows equal its accepted rows (nothing lost, nothing twice).
const DETAIL = 'usage-detail-2026-01.gbk.csv';
const detailBytes = sample(DETAIL);
const expected = expectedDetailTotals(rowsOf(iconv.decode(detailBytes, 'gb18030')));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Instance {
  server: TestServer;
  workers: INestApplicationContext[];
  admin: ApiClient;
  db: Client;
}

async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; ;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startInstance(settings: Record<string, string>, workers = 1): Promise<Instance> {
  const server = await startTestServer({ RECONCILE_EVERY_SECONDS: '1', ...settings });
  const started: INestApplicationContext[] = [];
  for (let i = 0; i < workers; i++) {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    started.push(worker);
  }
  const admin = new ApiClient(server.baseUrl);
  await admin.login(server.admin.username, server.admin.password);
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  await insertSampleSims(db);
  return { server, workers: started, admin, db };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  await instance.db.end();
  for (const worker of instance.workers) await worker.close();
  await instance.server.stop();
}

/** Uploads as the request body (no multipart): the API's answer. */
async function send(instance: Instance, bytes: Buffer, fileName = DETAIL): Promise<Response> {
  const token = (await (
    await instance.admin.login(instance.server.admin.username, instance.server.admin.password)
  ).json()) as {
    accessToken: string;
  };
  return fetch(`${instance.server.baseUrl}/api/usage-imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
}

async function finished(instance: Instance, id: number, timeoutMs = 40_000) {
  return until(async () => {
    const { rows } = await instance.db.query(
      `SELECT status, rows_accepted, error FROM usage_imports WHERE id = $1 AND status IN ('succeeded', 'failed')`,
      [id],
    );
    return rows[0] as { status: string; rows_accepted: number; error: unknown } | undefined;
  }, timeoutMs);
}

/** The month's totals as stored, and the import's stored records against its accepted rows. */
async function expectExact(instance: Instance, importId: number): Promise<void> {
  await expectTotals(instance);
  const counts = (
    await instance.db.query(
      `SELECT (SELECT count(*)::int FROM usage_records WHERE import_id = $1) AS stored,
              (SELECT rows_accepted FROM usage_imports WHERE id = $1) AS accepted`,
      [importId],
    )
  ).rows[0] as { stored: number; accepted: number };
  expect(counts.accepted).toBe(1200);
  expect(counts.stored).toBe(counts.accepted);
}

/** The month's totals as stored equal the sample's, summed here from the file. */
async function expectTotals(instance: Instance): Promise<void> {
  const { rows } = await instance.db.query(
    `SELECT s.msisdn, m.voice_min, m.sms, m.national_kb::int, m.apn_kb::int
       FROM monthly_usage m JOIN sim_cards s ON s.id = m.sim_id WHERE m.period = '2026-01'`,
  );
  const stored = new Map(
    (rows as { msisdn: string; voice_min: number; sms: number; national_kb: number; apn_kb: number }[]).map(
      (r) => [r.msisdn, { voiceMin: r.voice_min, sms: r.sms, nationalKb: r.national_kb, apnKb: r.apn_kb }],
    ),
  );
  expect(stored.size).toBe(expected.size);
  for (const [msisdn, totals] of expected) expect(stored.get(msisdn)).toEqual(totals);
}

/**
 * Registers an import of `bytes` as the API would have (its file kept under DATA_DIR unless `lost`),
 * without a job: in the state a fault left it in.
 */
async function registerImport(
  instance: Instance,
  bytes: Buffer,
  fileName: string,
  state: { status?: 'queued' | 'failed'; lost?: boolean; heldForSeconds?: number } = {},
): Promise<number> {
  const storedPath = join('usage', `${sha256(bytes)}.csv`);
  if (!state.lost) {
    const { dataDir } = instance.workers[0].get<AppConfig>(APP_CONFIG);
    await mkdir(join(dataDir, 'usage'), { recursive: true });
    await writeFile(join(dataDir, storedPath), bytes);
  }
  const { rows } = await instance.db.query(
    `INSERT INTO usage_imports (file_name, sha256, kind, format, encoding, stored_path, size_bytes, status, error,
                                lease_token, lease_until)
     VALUES ($1, md5(random()::text) || md5(random()::text), 'detail', 'csv', 'gb18030', $2, $3, $4::varchar,
             CASE WHEN $4::varchar = 'failed' THEN '{"zh":"失败","en":"failed"}'::jsonb END,
             CASE WHEN $5::int > 0 THEN gen_random_uuid() END,
             CASE WHEN $5::int > 0 THEN now() + make_interval(secs => $5::int) END)
     RETURNING id`,
    [fileName, storedPath, bytes.length, state.status ?? 'queued', state.heldForSeconds ?? 0],
  );
  const id = (rows[0] as { id: number }).id;
  // The file's own hash, unless another import of these bytes already has it (a random one then).
  await instance.db
    .query(`UPDATE usage_imports SET sha256 = $2 WHERE id = $1`, [id, sha256(bytes)])
    .catch(() => undefined);
  return id;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A Redis of this test's own (stopping the shared one would disturb everything else on the machine). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
      env: redisServerEnv(),
    },
  );
  const client = new IORedis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  await until(
    () =>
      client
        .connect()
        .then(() => client.ping())
        .catch(() => null),
    10_000,
  );
  client.disconnect();
  return child;
}

describe('jobs and processes that survive', () => {
  const shared = `fleet-shared-${process.env.TEST_RUN_ID}`;
  let a: Instance | undefined;
  let b: Instance | undefined;

  afterAll(async () => {
    await stopInstance(a);
    await stopInstance(b);
  });

  it('keeps two instances on one Redis apart: each counts its own import #1, with the same QUEUE_PREFIX', async () => {
    a = await startInstance({ QUEUE_PREFIX: shared });
    b = await startInstance({ QUEUE_PREFIX: shared });
    expect(a.workers[0].get<string>(QUEUE_NAMESPACE)).not.toBe(b.workers[0].get<string>(QUEUE_NAMESPACE));
    expect(a.workers[0].get<string>(QUEUE_NAMESPACE).startsWith(`${shared}:`)).toBe(true);
    const [inA, inB] = await Promise.all([send(a, detailBytes), send(b, detailBytes)]);
    expect([inA.status, inB.status]).toEqual([202, 202]);
    const [idA, idB] = [((await inA.json()) as { id: number }).id, ((await inB.json()) as { id: number }).id];
    expect(idA).toBe(idB);
    expect((await finished(a, idA)).status).toBe('succeeded');
    expect((await finished(b, idB)).status).toBe('succeeded');
    await expectExact(a, idA);
    await expectExact(b, idB);
  }, 120_000);

  it('runs an upload whose job id is already taken by a finished job of the same namespace', async () => {
    // The instance started last: its settings are the environment a worker started now reads.
    const instance = b!;
    const namespace = instance.workers[0].get<string>(QUEUE_NAMESPACE);
    const config = instance.workers[0].get<AppConfig>(APP_CONFIG);
    const { next } = (await instance.db.query(`SELECT last_value + 1 AS next FROM usage_imports_id_seq`))
      .rows[0] as { next: string };
    // A stale job under the next id: added and completed by a worker of a former life of this namespace.
    const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
    const stale = new Worker(QueueName.Usage, () => Promise.resolve('stale'), {
      connection,
      prefix: namespace,
      autorun: false,
    });
    await instance.workers[0].close();
    const queue = new Queue(QueueName.Usage, { connection, prefix: namespace });
    await queue.add(
      JobName.UsageImport,
      { importId: Number(next) },
      { jobId: usageImportJobId(Number(next)) },
    );
    void stale.run();
    await until(async () => ((await queue.getJob(usageImportJobId(Number(next))))?.finishedOn ? true : null));
    await stale.close();
    await queue.close();
    await connection.quit();
    instance.workers[0] = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await instance.workers[0].init();

    // The corrected file (one more record) is a new file: it is taken and counted despite the stale job.
    const response = await send(instance, Buffer.concat([detailBytes, Buffer.from('\r\n')]), 'again.csv');
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: number };
    expect(id).toBe(Number(next));
    expect((await finished(instance, id)).status).toBe('succeeded');
    await expectExact(instance, id);
  }, 120_000);

  it('starts a failed import again: by uploading the same file, and by POST /retry (409 unless failed)', async () => {
    const instance = b!;
    const bytes = Buffer.concat([detailBytes, Buffer.from('\r\n\r\n')]);
    const failed = {
      id: await registerImport(instance, bytes, 'lost.csv', { status: 'failed', lost: true }),
    };
    const again = await send(instance, bytes, 'lost.csv');
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: number; status: string }).id).toBe(failed.id);
    expect((await finished(instance, failed.id)).status).toBe('succeeded');
    await expectExact(instance, failed.id);

    // A failed import whose file is still kept is retried from the console (admin).
    await instance.db.query(
      `UPDATE usage_imports SET status = 'failed', error = '{"zh":"x","en":"x"}' WHERE id = $1`,
      [failed.id],
    );
    await instance.db.query(`DELETE FROM usage_records WHERE import_id = $1`, [failed.id]);
    const retried = await instance.admin.request('POST', `/api/usage-imports/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect((await finished(instance, failed.id)).status).toBe('succeeded');
    await expectExact(instance, failed.id);
    const twice = await instance.admin.request('POST', `/api/usage-imports/${failed.id}/retry`);
    expect(twice.status).toBe(409);
    const audit = await instance.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE resource = 'usage-imports' AND resource_id = $1 AND action = 'update'`,
      [String(failed.id)],
    );
    expect((audit.rows[0] as { n: number }).n).toBe(2);
  }, 120_000);

  it('lets one worker at a time write a file: a second run waits, a run that lost its lease commits nothing', async () => {
    const instance = b!;
    instance.workers.push(await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] }));
    await instance.workers[1].init();
    const bytes = Buffer.concat([detailBytes, Buffer.from('\r\n\r\n\r\n')]);
    const insert = () => registerImport(instance, bytes, 'stalled.csv', { heldForSeconds: 3 });

    // Held by a worker that froze: the lease lapses, the reconciler enqueues it, a live worker counts it once.
    const stalled = await insert();
    expect((await finished(instance, stalled, 60_000)).status).toBe('succeeded');
    await expectExact(instance, stalled);

    // Two workers' runners on the same file at once: one runs, the other is told the file is taken.
    await instance.db.query(`DELETE FROM usage_records WHERE import_id = $1`, [stalled]);
    await instance.db.query(
      `UPDATE usage_imports SET status = 'queued', lease_token = NULL, lease_until = NULL WHERE id = $1`,
      [stalled],
    );
    const runs = await Promise.allSettled(
      instance.workers.map((w) => w.get(UsageRunner).run(stalled, { lastAttempt: false })),
    );
    expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = runs.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(LeaseHeldError);
    await expectExact(instance, stalled);

    // A run whose lease was taken over is refused at its commit.
    const other = await insert();
    await instance.db.query(`UPDATE usage_imports SET lease_until = NULL WHERE id = $1`, [other]);
    const dataSource = instance.server.app.get<DataSource>(getDataSourceToken());
    const lease = await FileRunLease.take(dataSource, 'usage_imports', other);
    await instance.db.query(`UPDATE usage_imports SET lease_token = gen_random_uuid() WHERE id = $1`, [
      other,
    ]);
    await expect(dataSource.transaction((manager) => lease.confirm(manager))).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    await lease.release();
  }, 150_000);
  it('survives its PostgreSQL connections being terminated mid-import: the attempt rolls back, the retry counts once', async () => {
    const instance = b!;
    const bytes = Buffer.concat([detailBytes, Buffer.from('\r\n\r\n\r\n\r\n')]);
    // Hold the monthly totals so the import stops half-way, its records written in its transaction.
    const blocker = new Client({ connectionString: instance.server.databaseUrl });
    await blocker.connect();
    await blocker.query(`BEGIN; LOCK TABLE monthly_usage IN ACCESS EXCLUSIVE MODE`);
    const id = await registerImport(instance, bytes, 'terminated.csv');
    await until(async () => {
      const { rows } = await instance.db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows.length ? true : null;
    });
    const killed = await instance.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $1) AND backend_type = 'client backend'`,
      [(blocker as unknown as { processID: number }).processID],
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect((await finished(instance, id, 60_000)).status).toBe('succeeded');
    await expectExact(instance, id);
  }, 120_000);
});

describe('a large detail file loaded in chunks that any worker can take', () => {
  let c: Instance | undefined;

  afterAll(async () => {
    await stopInstance(c);
  });

  it('never counts a half-loaded import, retries a failed chunk alone and counts every record once', async () => {
    // Three chunks of the sample over two workers; chunk 1 fails once, after copying its records.
    c = await startInstance({ INGEST_CHUNKS: '3', INGEST_CHUNK_MIN_BYTES: '0' }, 2);
    for (const worker of c.workers) worker.get(UsageRunner).failChunksOnce.add(1);
    // The sample, then its first 20 records again: keys repeated across chunks, which count once.
    const lines = detailBytes.toString('latin1').trimEnd().split('\n');
    const repeated = Buffer.from([...lines, ...lines.slice(1, 21), ''].join('\n'), 'latin1');
    const response = await send(c, repeated);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: number };

    // Half loaded: a chunk committed, chunk 1 waiting for its retry, the import not succeeded.
    const half = await until(async () => {
      const { rows } = await c!.db.query(
        `SELECT i.status, (SELECT count(*)::int FROM usage_records WHERE import_id = i.id) stored,
                (SELECT count(*)::int FROM counted_usage_records('2026-01', NULL)) counted,
                (SELECT count(*)::int FROM monthly_usage WHERE period = '2026-01') totals
           FROM usage_imports i WHERE i.id = $1
            AND EXISTS (SELECT 1 FROM usage_import_chunks WHERE import_id = i.id AND status = 'succeeded')
            AND EXISTS (SELECT 1 FROM usage_import_chunks WHERE import_id = i.id AND chunk_no = 1
                          AND attempts = 1 AND status <> 'succeeded')`,
        [id],
      );
      return rows[0] as { status: string; stored: number; counted: number; totals: number } | undefined;
    });
    expect(half.status).toBe('running');
    expect(half.stored).toBeGreaterThan(0);
    expect(half.counted).toBe(0);
    expect(half.totals).toBe(0);

    expect(await finished(c, id)).toMatchObject({ status: 'succeeded', rows_accepted: 1220 });
    await expectTotals(c);
    // The repeated keys were caught by the file's sieve: their SIMs were counted from the records.
    expect(
      (await c.db.query(`SELECT rows_duplicate FROM usage_imports WHERE id = $1`, [id])).rows[0],
    ).toEqual({
      rows_duplicate: 0,
    });
    const chunks = (
      await c.db.query(
        `SELECT chunk_no, attempts, status, rows_done FROM usage_import_chunks WHERE import_id = $1 ORDER BY chunk_no`,
        [id],
      )
    ).rows as { chunk_no: number; attempts: number; status: string; rows_done: number }[];
    expect(chunks.map((k) => [k.chunk_no, k.attempts, k.status])).toEqual([
      [0, 1, 'succeeded'],
      [1, 2, 'succeeded'],
      [2, 1, 'succeeded'],
    ]);
    expect(chunks.reduce((sum, k) => sum + k.rows_done, 0)).toBe(1220);
    // Row numbers as in the whole file (header on row 1): each record once.
    const rowNos = (
      await c.db.query(
        `SELECT count(DISTINCT row_no)::int n, min(row_no) lo, max(row_no) hi FROM usage_records WHERE import_id = $1`,
        [id],
      )
    ).rows[0] as { n: number; lo: number; hi: number };
    expect(rowNos).toEqual({ n: 1220, lo: 2, hi: 1221 });
    expect(
      (await c.db.query(`SELECT count(*)::int n FROM counted_usage_records('2026-01', NULL)`)).rows[0],
    ).toEqual({
      n: 1200,
    });
  }, 90_000);

  it('fails a chunked import as a whole when a chunk cannot be read, counts none of it, and starts it over on retry', async () => {
    await stopInstance(c);
    c = await startInstance({ INGEST_CHUNKS: '3', INGEST_CHUNK_MIN_BYTES: '0' });
    // Binary junk in the last chunk: that chunk fails for good, the others may have loaded.
    const broken = Buffer.from(`${detailBytes.toString('latin1').trimEnd()}\n\u0000\u0001\n`, 'latin1');
    const response = await send(c, broken);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: number };
    const failed = (await finished(c, id)) as { status: string; error: { en: string } };
    expect(failed.status).toBe('failed');
    expect(failed.error.en).toMatch(/neither a CSV/);
    expect(
      (await c.db.query(`SELECT count(*)::int n FROM counted_usage_records('2026-01', NULL)`)).rows[0],
    ).toEqual({
      n: 0,
    });

    // The file put right where it is kept, then retried: it is cut again and counted once.
    const { dataDir } = c.workers[0].get<AppConfig>(APP_CONFIG);
    const [{ stored_path }] = (await c.db.query(`SELECT stored_path FROM usage_imports WHERE id = $1`, [id]))
      .rows as { stored_path: string }[];
    await writeFile(join(dataDir, stored_path), detailBytes);
    expect((await c.admin.request('POST', `/api/usage-imports/${id}/retry`)).status).toBe(202);
    expect((await finished(c, id)).status).toBe('succeeded');
    await expectExact(c, id);
  }, 90_000);
});

describe('with Redis gone', () => {
  let redis: ChildProcess | undefined;
  let instance: Instance | undefined;

  afterAll(async () => {
    await stopInstance(instance);
    redis?.kill('SIGKILL');
  });

  it('answers 503 fast, keeps reads and logins, and resumes by itself when Redis is back empty', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    instance = await startInstance({ REDIS_URL: `redis://127.0.0.1:${port}` });
    redis.kill('SIGKILL');
    const stoppedAt = Date.now();
    await until(async () =>
      (await fetch(`${instance!.server.baseUrl}/api/health`)).status === 503 ? true : null,
    );

    const started = Date.now();
    const health = await fetch(`${instance.server.baseUrl}/api/health`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { redis: { ok: boolean } }).redis.ok).toBe(false);

    const before = (await instance.db.query(`SELECT count(*)::int AS n FROM usage_imports`)).rows[0] as {
      n: number;
    };
    const refusedAt = Date.now();
    const refused = await send(instance, detailBytes);
    expect(Date.now() - refusedAt).toBeLessThan(3_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(((await refused.json()) as { message: string }).message).toContain('Redis');
    expect((await instance.db.query(`SELECT count(*)::int AS n FROM usage_imports`)).rows[0]).toEqual(before);
    expect((await instance.admin.request('GET', '/api/usage-imports')).status).toBe(200);

    // An import registered while its job could not be queued (as if Redis died right after the upload).
    const id = await registerImport(instance, detailBytes, 'orphan.csv');

    // Redis stays away 10 s in all, then comes back empty (no persistence): every job it held is gone.
    await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + 10_000 - Date.now())));
    redis = await startRedis(port);
    expect((await finished(instance, id, 60_000)).status).toBe('succeeded');
    await expectExact(instance, id);
    await until(async () =>
      (await fetch(`${instance!.server.baseUrl}/api/health`)).status === 200 ? true : null,
    );
  }, 150_000);
});
