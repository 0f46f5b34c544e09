// `npm run bench:ingest`: a detail file of 1,000,000 records for 2,000 SIMs ingested end to end (upload
// over HTTP to the API, the job in the worker, each a child process as in production, records stored, monthly
// totals computed), against PostgreSQL's own COPY of the same file into a bare table. Prints both
// rates, their ratio and the worker's peak RSS (VmHWM), with the file loaded as one chunk and as two
// (INGEST_CHUNKS, ADR 15: two chunks at once in the one worker). Uses DATABASE_URL's server (a fresh
// database of its own, dropped at the end) and REDIS_URL (default 127.0.0.1:6379).
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { grantApplicationRole, migrate } from '@fleet/server/persistence';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDatabase, dropDatabase, withDatabaseName, withLogin } from '../dev-services';
import { freePort, waitForApi } from './bench-support';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const SIMS = 2_000;
const root = resolve(__dirname, '../../../..');
const work = resolve(root, 'tmp/bench');
const log = (message: string) => console.log(`[bench] ${message}`);

const msisdnOf = (i: number) => `1478${String(i).padStart(7, '0')}`;

/** A deterministic detail file for March 2026: calls, messages and data sessions, two spellings of type. */
async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  let seed = 42;
  // xorshift32: deterministic and cheap.
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((done) => out.once('drain', done));
  await write('手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB,APN\n');
  let chunk = '';
  for (let i = 0; i < RECORDS; i += 1) {
    const sim = msisdnOf((i * 7_919) % SIMS); // every SIM, spread over the file
    const second = i % 2_678_400; // 31 days of seconds, unique per record up to that many
    const day = Math.floor(second / 86_400) + 1;
    const time = `2026-03-${pad(day)} ${pad(Math.floor(second / 3600) % 24)}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
    const kind = next() % 10;
    if (kind < 4)
      chunk += `${sim},语音,${time},${kind < 2 ? '主叫' : '被叫'},138****${String(i % 10_000).padStart(4, '0')},${next() % 900},,\n`;
    else if (kind < 6)
      chunk += `${sim},短信,${time},${kind === 4 ? '发送' : '接收'},139****${String(i % 10_000).padStart(4, '0')},,,\n`;
    else chunk += `${sim},数据,${time},,,,${next() % 500_000},${kind < 8 ? 'xjga.xj' : 'cmnet'}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((done) => out.end(done));
}

/** Logs in for the first time: the initial password must be changed first; answers the new session's token. */
export async function firstLogin(base: string, username: string, password: string): Promise<string> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const changed = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ currentPassword: password, newPassword: `${password}-changed` }),
  });
  if (!changed.ok) throw new Error(`password change: ${changed.status} ${await changed.text()}`);
  return ((await changed.json()) as { accessToken: string }).accessToken;
}

/** The worker's peak resident set (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * Uploads a file as the request body, streamed from disk (the console does the same; fetch with a Blob
 * body spent ~0.7 s of the bench's own CPU on a 60 MB file, which is not the product's time).
 */
function uploadFile(url: string, token: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      `${url}?fileName=detail.csv`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': statSync(path).size,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    const body = createReadStream(path, { highWaterMark: 1024 * 1024 });
    body.on('error', fail);
    body.pipe(request);
  });
}

async function copyBaseline(url: string, path: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE bench_bare (msisdn text, record_type text, start_time text, direction text, counterpart text, duration_s text, volume_kb text, apn text)`,
    );
    const started = process.hrtime.bigint();
    await pipeline(
      createReadStream(path),
      client.query(copyFrom(`COPY bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return RECORDS / seconds;
  } finally {
    await client.end();
  }
}

interface RunFigures {
  ingestSeconds: number;
  ingestRecordsPerSecond: number;
  uploadSeconds: number;
  jobSeconds: number;
  copyRecordsPerSecond: number;
  ratio: number;
  workerPeakRssMb: number;
}

/** One run on a fresh database with fresh API and worker processes. */
async function runOnce(run: number, file: string, chunks: number): Promise<RunFigures> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const name = `bench_ingest_${process.pid}_${chunks}_${run}`;
  const url = withDatabaseName(serverUrl, name);
  await createDatabase(serverUrl, name);
  const children: ChildProcess[] = [];
  try {
    await migrate(url);
    // The API and the worker run as the application's role, as deployed (one role for every run's database).
    const appUrl = withLogin(url, 'bench_ingest_app', 'bench-app-password-1');
    await grantApplicationRole(url, appUrl);
    const db = new Client({ connectionString: url });
    // Dropping the database on a failure ends this connection too: the failure, not that, is reported.
    db.on('error', () => undefined);
    await db.connect();
    const {
      rows: [{ id: apnId }],
    } = await db.query<{ id: number }>(
      `INSERT INTO apn_profiles (name, apn) VALUES ('XJGA', 'xjga.xj') RETURNING id`,
    );
    await db.query(
      `INSERT INTO sim_cards (iccid, msisdn, apn_profile_id, activated_on, status)
       SELECT '8986' || lpad(i::text, 16, '0'), '1478' || lpad(i::text, 7, '0'), $1, '2025-11-25', 'active'
         FROM generate_series(0, $2 - 1) i`,
      [apnId, SIMS],
    );

    const env = {
      ...process.env,
      APP_DATABASE_URL: appUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0000000',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'bench-password-1',
      DATA_DIR: resolve(work, 'data'),
      CONSOLE_DIR: '',
      QUEUE_PREFIX: `bench-${process.pid}-${chunks}-${run}`,
      INGEST_CHUNKS: String(chunks),
      INGEST_CHUNK_MIN_BYTES: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    };
    const port = await freePort();
    const start = (script: string) => {
      const child = spawn(process.execPath, [resolve(root, script)], {
        env: { ...env, PORT: String(port) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      return child;
    };
    start('dist/server/apps/api/src/main.js');
    const worker = start('dist/server/apps/worker/src/main.js');
    const base = `http://127.0.0.1:${port}`;
    await waitForApi(base);

    const accessToken = await firstLogin(base, 'admin', 'bench-password-1');
    const auth = { authorization: `Bearer ${accessToken}` };

    log(`run ${run}: ingesting end to end in ${chunks} chunk(s)`);
    const started = process.hrtime.bigint();
    const uploaded = await uploadFile(`${base}/api/usage-imports`, accessToken, file);
    if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${uploaded.body}`);
    const { id } = JSON.parse(uploaded.body) as { id: number };
    const uploadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    let status = 'queued';
    let body: Record<string, unknown> = {};
    while (status !== 'succeeded' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 20));
      body = (await (await fetch(`${base}/api/usage-imports/${id}`, { headers: auth })).json()) as Record<
        string,
        unknown
      >;
      status = String(body.status);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(body)}`);
    const peak = await peakRssMb(worker.pid!);
    const stored = (await db.query<{ n: number }>(`SELECT count(*)::int n FROM usage_records`)).rows[0].n;
    const totals = (await db.query<{ n: number }>(`SELECT count(*)::int n FROM monthly_usage`)).rows[0].n;
    await db.end();
    if (stored !== RECORDS || totals !== SIMS) throw new Error(`stored ${stored} records, ${totals} totals`);

    log(`run ${run}: COPY of the same file into a bare table`);
    const copyRate = await copyBaseline(url, file);
    const ingestRate = RECORDS / seconds;
    const figures: RunFigures = {
      ingestSeconds: Number(seconds.toFixed(2)),
      ingestRecordsPerSecond: Math.round(ingestRate),
      uploadSeconds: Number(uploadSeconds.toFixed(2)),
      jobSeconds: (Date.parse(String(body.finishedAt)) - Date.parse(String(body.startedAt))) / 1000,
      copyRecordsPerSecond: Math.round(copyRate),
      ratio: Number((ingestRate / copyRate).toFixed(3)),
      workerPeakRssMb: peak,
    };
    log(`run ${run}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await dropDatabase(serverUrl, name);
    await rm(resolve(work, 'data'), { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * BENCH_RUNS runs (default 3) on the same file with 1 chunk and with 2, alternating (1, 2, 1, 2, …) so a
 * change in the machine's load falls on both alike; prints every run and the medians.
 */
async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  await mkdir(work, { recursive: true });
  const file = resolve(work, `detail-${RECORDS}.csv`);
  log(`generating ${RECORDS} records for ${SIMS} SIMs in ${file}`);
  await generate(file);
  const byChunks = new Map<number, RunFigures[]>([
    [1, []],
    [2, []],
  ]);
  for (let run = 1; run <= runs; run += 1)
    for (const [chunks, all] of byChunks) all.push(await runOnce(run, file, chunks));
  const summary: string[] = [];
  for (const [chunks, all] of byChunks) {
    const medians = Object.fromEntries(
      (Object.keys(all[0]) as (keyof RunFigures)[]).map((key) => [key, median(all.map((f) => f[key]))]),
    );
    console.log(JSON.stringify({ records: RECORDS, sims: SIMS, chunks, runs: all, medians }, null, 2));
    summary.push(
      `${chunks} chunk(s): median ratio ${medians.ratio}, median worker peak RSS ${medians.workerPeakRssMb} MB`,
    );
  }
  for (const line of summary) log(line);
  log(
    `targets: ratio ≥ 0.5 (done ≥ 0.25), worker peak RSS < 300 MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
