// Real services: the local Redis on 6379, the system PostgreSQL on 5432, and embedded PostgreSQL
// clusters in temporary folders.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformFile } from '@swc/core';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  createDatabase,
  dropDatabase,
  quoteIdentifier,
  resolveDatabase,
  resolveRedis,
  withDatabaseName,
} from './index';

jest.setTimeout(120_000);

const SYSTEM_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const isRoot = process.getuid?.() === 0;

let savedEnv: NodeJS.ProcessEnv;
const dirs: string[] = [];
const logs: string[] = [];
const log = (msg: string): void => {
  logs.push(msg);
};
// Servers to stop even when a test fails half-way, so none outlives the run.
const cleanups: Array<() => Promise<void>> = [];
function track<T extends { stop: () => Promise<void> }>(resolved: T): T {
  cleanups.push(() => resolved.stop());
  return resolved;
}

beforeEach(() => {
  savedEnv = { ...process.env };
  logs.length = 0;
});

afterEach(async () => {
  await Promise.allSettled(cleanups.splice(0).map((cleanup) => cleanup()));
  for (const key of Object.keys(process.env)) {
    if (!(key in savedEnv)) delete process.env[key];
  }
  Object.assign(process.env, savedEnv);
});

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dev-services-'));
  dirs.push(dir);
  return dir;
}

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function unusedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Gone or a zombie (init may not have reaped it yet). */
async function waitGone(pid: number, withinMs = 2_000): Promise<boolean> {
  for (let waited = 0; waited < withinMs; waited += 50) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (!stat || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid ?? 999_999;
}

describe('resolveRedis', () => {
  it('uses REDIS_URL as is', async () => {
    process.env.REDIS_URL = 'redis://redis.example.invalid:1234/2';
    const redis = await resolveRedis({ dataDir: await tempDir(), log });
    expect(redis.url).toBe('redis://redis.example.invalid:1234/2');
    await redis.stop();
  });

  it('finds the Redis answering on 127.0.0.1:6379', async () => {
    delete process.env.REDIS_URL;
    const redis = await resolveRedis({ dataDir: await tempDir(), log });
    expect(redis.url).toBe('redis://127.0.0.1:6379');
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    await expect(client.ping()).resolves.toBe('PONG');
    await client.quit();
    await redis.stop();
  });

  it('starts its own redis-server when nothing answers, with AOF kept between runs', async () => {
    delete process.env.REDIS_URL;
    const dataDir = await tempDir();
    const localUrl = `redis://127.0.0.1:${await unusedPort()}`;

    const first = track(await resolveRedis({ dataDir, log, localUrl }));
    expect(first.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(first.url).not.toBe(localUrl);
    let client = new Redis(first.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    await expect(client.ping()).resolves.toBe('PONG');
    await expect(client.config('GET', 'maxmemory-policy')).resolves.toEqual([
      'maxmemory-policy',
      'noeviction',
    ]);
    await client.set('dev-services', 'kept');
    await client.quit();
    await first.stop();
    expect(await readdir(join(dataDir, 'redis'))).toContain('appendonlydir');

    const second = track(await resolveRedis({ dataDir, log, localUrl }));
    client = new Redis(second.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    await expect(client.get('dev-services')).resolves.toBe('kept');
    await client.quit();
    await second.stop();
  });

  it('shares its own redis-server between runs until the last one stops', async () => {
    delete process.env.REDIS_URL;
    const dataDir = await tempDir();
    const localUrl = `redis://127.0.0.1:${await unusedPort()}`;
    const first = track(await resolveRedis({ dataDir, log, localUrl }));
    const second = track(await resolveRedis({ dataDir, log, localUrl }));
    expect(second.url).toBe(first.url);
    await first.stop();
    const client = new Redis(second.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    await expect(client.ping()).resolves.toBe('PONG');
    await client.quit();
    await second.stop();
    const { pid } = JSON.parse(await readFile(join(dataDir, 'redis.json'), 'utf8')) as { pid: number };
    expect(await waitGone(pid)).toBe(true);
  });

  it('says how to get a Redis when there is none', async () => {
    delete process.env.REDIS_URL;
    process.env.PATH = '/nonexistent';
    const localUrl = `redis://127.0.0.1:${await unusedPort()}`;
    await expect(resolveRedis({ dataDir: await tempDir(), log, localUrl })).rejects.toThrow(
      /REDIS_URL.*apt-get install redis-server.*docker run -p 6379:6379 redis:7/s,
    );
  });
});

describe('resolveDatabase', () => {
  it('uses DATABASE_URL as is', async () => {
    process.env.DATABASE_URL = 'postgres://someone:secret@db.example.invalid:5432/fleet';
    const db = await resolveDatabase({ dataDir: await tempDir(), log });
    expect(db).toMatchObject({
      url: 'postgres://someone:secret@db.example.invalid:5432/fleet',
      embedded: false,
    });
    expect(logs.join('\n')).not.toContain('secret');
    await db.stop();
  });

  it('starts an embedded server, then reuses its cluster on the next start', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();

    let startedAt = Date.now();
    const first = track(await resolveDatabase({ dataDir, log }));
    const firstMs = Date.now() - startedAt;
    expect(first.embedded).toBe(true);
    expect(first.url).toMatch(/^postgres:\/\/postgres:[A-Za-z0-9_-]+@127\.0\.0\.1:\d+\/fleet$/);
    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(
      await query(
        first.url,
        `SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'fleet'`,
      ),
    ).toEqual([{ encoding: 'UTF8' }]);
    await query(first.url, 'CREATE TABLE kept (note text)');
    await query(first.url, `INSERT INTO kept VALUES ('从第一次运行')`);
    expect(logs.join('\n')).toMatch(/PostgreSQL: embedded, new cluster in .*postgres, port \d+/);

    const state = JSON.parse(await readFile(join(dataDir, 'postgres.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(first.url).toBe(
      `postgres://postgres:${String(state.password)}@127.0.0.1:${String(state.port)}/fleet`,
    );
    expect((await stat(join(dataDir, 'postgres.json'))).mode & 0o777).toBe(0o600);
    if (isRoot) {
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      expect((await stat(join(dataDir, 'postgres'))).uid).toBe(postgresUid);
    }

    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    logs.length = 0;
    startedAt = Date.now();
    const second = track(await resolveDatabase({ dataDir, log }));
    const secondMs = Date.now() - startedAt;
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: '从第一次运行' }]);
    expect(logs.join('\n')).toMatch(/PostgreSQL: embedded, data in .*postgres, port \d+/);
    expect(logs.join('\n')).not.toContain('new cluster');
    await second.stop();
    await second.stop(); // idempotent

    console.log(`embedded PostgreSQL: first start ${firstMs} ms, reuse start ${secondMs} ms`);
  });

  it('recovers from a stale postmaster.pid', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();
    const first = track(await resolveDatabase({ dataDir, log }));
    await query(first.url, 'CREATE TABLE kept (id int)');
    await first.stop();

    // The pid of a killed run, then pids since reused by another program (this very process) and by
    // another PostgreSQL server (one on another cluster).
    const otherDir = await tempDir();
    track(await resolveDatabase({ dataDir: otherDir, log }));
    const otherServer = Number(
      (await readFile(join(otherDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    for (const [pid, reason] of [
      [await deadPid(), 'is not running'],
      [process.pid, 'is now another program'],
      [otherServer, 'is now another PostgreSQL server'],
    ] as const) {
      logs.length = 0;
      await writeFile(
        join(dataDir, 'postgres', 'postmaster.pid'),
        `${pid}\n${join(dataDir, 'postgres')}\n1700000000\n54329\n\n127.0.0.1\n  1234567     98304\nready   \n`,
      );
      const again = track(await resolveDatabase({ dataDir, log }));
      expect(logs.join('\n')).toContain(`removed stale postmaster.pid (pid ${pid} ${reason}`);
      expect(await query(again.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 0 }]);
      await again.stop();
    }
  });

  it('shares a running server between runs and stops it when the last one stops', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();
    const first = track(await resolveDatabase({ dataDir, log }));
    const second = track(await resolveDatabase({ dataDir, log }));
    expect(second.url).toBe(first.url);
    expect(logs.join('\n')).toContain('sharing it');
    await first.stop();
    expect(logs.join('\n')).toContain(`PostgreSQL: left running for pid ${process.pid}, which still uses it`);
    expect(await query(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await second.stop();
    await expect(query(second.url, 'SELECT 1')).rejects.toThrow();
  });

  /** Starts the embedded server from another node process, as `npm start` would, and returns it. */
  async function startElsewhere(
    dataDir: string,
  ): Promise<{ runner: ChildProcess; url: string; serverPid: number }> {
    const build = join(dataDir, 'build');
    await mkdir(build);
    for (const file of ['database', 'database-admin', 'support']) {
      const { code } = await transformFile(join(__dirname, `${file}.ts`), {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      await writeFile(join(build, `${file}.js`), code);
    }
    const script = `require(${JSON.stringify(join(build, 'database.js'))})
      .resolveDatabase({ dataDir: ${JSON.stringify(dataDir)}, log: () => {} })
      .then((db) => { console.log(db.url); setInterval(() => {}, 1000); });`;
    const runner = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((done) =>
      runner.stdout?.once('data', (chunk: Buffer) => done(chunk.toString().trim())),
    );
    const serverPid = Number(
      (await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    cleanups.push(async () => {
      runner.kill('SIGKILL');
      if (!(await waitGone(serverPid))) process.kill(serverPid, 'SIGINT');
    });
    return { runner, url, serverPid };
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  it('stops the server when the run that started it is killed without stopping it', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();
    const { runner, url, serverPid } = await startElsewhere(dataDir);
    expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await kill(runner);
    expect(await waitGone(serverPid)).toBe(true);
  });

  it('keeps a shared server for the runs still using it when the run that started it is killed', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();
    const { runner, serverPid } = await startElsewhere(dataDir);
    const db = track(await resolveDatabase({ dataDir, log }));
    expect(logs.join('\n')).toContain(
      `already running for pid ${runner.pid} (server pid ${serverPid}), sharing it`,
    );
    await kill(runner);
    expect(await waitGone(serverPid, 500)).toBe(false);
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.stop();
    expect(await waitGone(serverPid)).toBe(true);
  });

  it('stops and replaces a server left running by a run that was killed', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = await tempDir();
    const { runner, url, serverPid } = await startElsewhere(dataDir);
    await query(url, 'CREATE TABLE kept (id int)');
    // Kill the run and its watchdog too, so the server really is orphaned.
    const watchdogs = [];
    for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes('dev-services-watchdog') && cmdline.endsWith(`\0${serverPid}\0`)) {
        watchdogs.push(Number(pid));
      }
    }
    expect(watchdogs).toHaveLength(1);
    process.kill(watchdogs[0], 'SIGKILL');
    await kill(runner);
    expect(await waitGone(serverPid, 300)).toBe(false);

    const db = track(await resolveDatabase({ dataDir, log }));
    expect(logs.join('\n')).toContain(`stopping server pid ${serverPid}, left running by a run that is gone`);
    expect(await waitGone(serverPid)).toBe(true);
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 0 }]);
    await db.stop();
  });
});

describe('database admin', () => {
  it('points a URL at another database of the same server', () => {
    expect(
      withDatabaseName('postgres://u:p%40ss@db.example:5433/postgres?sslmode=disable', 'fleet_test_1'),
    ).toBe('postgres://u:p%40ss@db.example:5433/fleet_test_1?sslmode=disable');
    expect(withDatabaseName('postgresql://localhost', 'x')).toBe('postgresql://localhost/x');
    expect(() => withDatabaseName(SYSTEM_SERVER, 'a/b')).toThrow(/cannot be put in a connection URL/);
  });

  it('quotes identifiers', () => {
    expect(quoteIdentifier('fleet')).toBe('"fleet"');
    expect(quoteIdentifier('a"; DROP DATABASE x; --')).toBe('"a""; DROP DATABASE x; --"');
    expect(() => quoteIdentifier('')).toThrow();
    expect(() => quoteIdentifier('x'.repeat(64))).toThrow(/63 bytes/);
  });

  it('creates, copies and drops databases on the system server', async () => {
    const name = `dev_services_${process.pid}_${Date.now()}`;
    const copy = `${name}_copy`;
    const exists = async (datname: string): Promise<boolean> =>
      (await query(SYSTEM_SERVER, 'SELECT 1 FROM pg_database WHERE datname = $1', [datname])).length === 1;

    await createDatabase(SYSTEM_SERVER, name);
    try {
      expect(await exists(name)).toBe(true);
      await expect(createDatabase(SYSTEM_SERVER, name)).rejects.toThrow(/already exists/);
      await query(withDatabaseName(SYSTEM_SERVER, name), 'CREATE TABLE from_template (id int)');

      await createDatabase(SYSTEM_SERVER, copy, name);
      expect(
        await query(withDatabaseName(SYSTEM_SERVER, copy), 'SELECT count(*)::int AS n FROM from_template'),
      ).toEqual([{ n: 0 }]);

      // A session left open on the database does not stop the drop.
      const session = new Client({ connectionString: withDatabaseName(SYSTEM_SERVER, copy) });
      session.on('error', () => undefined);
      await session.connect();
      await dropDatabase(SYSTEM_SERVER, copy);
      expect(await exists(copy)).toBe(false);
      await session.end().catch(() => undefined);

      // Dropping the database the URL points at works from the maintenance database.
      await dropDatabase(withDatabaseName(SYSTEM_SERVER, name), name);
      expect(await exists(name)).toBe(false);
      await dropDatabase(SYSTEM_SERVER, name); // IF EXISTS
    } finally {
      await dropDatabase(SYSTEM_SERVER, copy);
      await dropDatabase(SYSTEM_SERVER, name);
    }
  });

  it('takes any name literally', async () => {
    const name = `Dev "Services"; ${process.pid}`;
    await createDatabase(SYSTEM_SERVER, name);
    expect(await query(SYSTEM_SERVER, 'SELECT datname FROM pg_database WHERE datname = $1', [name])).toEqual([
      { datname: name },
    ]);
    await dropDatabase(SYSTEM_SERVER, name);
    expect(await query(SYSTEM_SERVER, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).toEqual([]);
  });
});
