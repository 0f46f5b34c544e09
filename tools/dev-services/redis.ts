// The Redis server for dev runs and tests: REDIS_URL when set, else a local Redis on 6379 if one
// answers, else a redis-server of our own with its data in <dataDir>/redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { basename, join, resolve } from 'node:path';
import {
  displayPath,
  fileSize,
  findOnPath,
  freePort,
  liveUsers,
  logTail,
  processInfo,
  readJson,
  redactUrl,
  redisServerEnv,
  sleep,
  terminate,
  useServer,
  withLock,
  writeFileAtomic,
  type Log,
  type SharedServer,
} from './support';

const DEFAULT_LOCAL_URL = 'redis://127.0.0.1:6379';
const START_TIMEOUT_MS = 20_000;
// SIGTERM makes Redis flush the AOF and exit.
const SHUTDOWN: Array<[NodeJS.Signals, number]> = [
  ['SIGTERM', 15_000],
  ['SIGKILL', 5_000],
];

export interface ResolvedRedis {
  url: string;
  stop: () => Promise<void>;
}

/** What <dataDir>/redis.json keeps about our redis-server. */
interface State {
  pid: number;
  port: number;
}

export async function resolveRedis(opts: {
  dataDir: string;
  log: (msg: string) => void;
  /** Where to look for an already running Redis; tests point it elsewhere to reach the fallbacks. */
  localUrl?: string;
}): Promise<ResolvedRedis> {
  const { log } = opts;
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    log(`Redis: REDIS_URL ${redactUrl(fromEnv)}`);
    return { url: fromEnv, stop: () => Promise.resolve() };
  }

  const localUrl = opts.localUrl ?? DEFAULT_LOCAL_URL;
  const local = new URL(localUrl);
  const reply = await ping(local.hostname, Number(local.port || 6379), 1_000);
  if (reply === '+PONG') {
    log(`Redis: ${localUrl} (answers PING)`);
    return { url: localUrl, stop: () => Promise.resolve() };
  }
  if (reply !== undefined)
    log(`Redis: ${localUrl} answers PING with "${reply}", not usable; starting our own`);

  const binary = await findOnPath('redis-server');
  if (!binary) {
    throw new Error(
      `No Redis available: REDIS_URL is not set, nothing answers PING on ${localUrl}, and redis-server ` +
        'is not on PATH. Either set REDIS_URL=redis://host:port, install Redis (apt-get install ' +
        'redis-server), or run one in Docker (docker run -p 6379:6379 redis:7).',
    );
  }
  return startOwnRedis(resolve(opts.dataDir), binary, log);
}

async function startOwnRedis(dataDir: string, binary: string, log: Log): Promise<ResolvedRedis> {
  const startedAt = Date.now();
  const note: Log = (msg) => log(`Redis: ${msg}`);
  const redisDir = join(dataDir, 'redis');
  const statePath = join(dataDir, 'redis.json');
  const logPath = join(dataDir, 'redis.log');
  await mkdir(redisDir, { recursive: true });

  const lockPath = join(dataDir, 'redis.lock');
  const usersDir = join(dataDir, 'redis.users');
  const shared = (pid: number): SharedServer => ({
    pid,
    signal: 'TERM',
    steps: SHUTDOWN,
    usersDir,
    lockPath,
    what: 'redis-server',
  });

  return withLock(lockPath, note, async () => {
    // Two servers on one AOF would corrupt it: share the one another run started, or replace an orphan.
    const state = await readJson<State>(statePath);
    if (state.pid && state.port && (await isOurRedis(state.pid, state.port))) {
      const users = await liveUsers(usersDir);
      if (users.length > 0 && (await ping('127.0.0.1', state.port, 1_000)) === '+PONG') {
        const use = await useServer(shared(state.pid), note);
        note(
          `redis-server pid ${state.pid} already running for pid ${users.join(', ')}, sharing it; port ${state.port}`,
        );
        return { url: `redis://127.0.0.1:${state.port}`, stop: use.stop };
      }
      note(`stopping redis-server pid ${state.pid}, left running by a run that is gone`);
      if (!(await terminate(state.pid, SHUTDOWN))) {
        throw new Error(`Could not stop the orphaned redis-server (pid ${state.pid}) on ${redisDir}`);
      }
    }

    const port = await freePort([state.port]);
    const pid = await startServer(binary, redisDir, port, logPath);
    const use = await useServer(shared(pid), note);
    try {
      await writeFileAtomic(statePath, JSON.stringify({ pid, port }, null, 2), 0o600);
    } catch (error) {
      await use.stopLocked();
      throw error;
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    note(
      `started ${binary} on port ${port}, data in ${displayPath(redisDir)} (AOF on), ` +
        `pid ${pid}, log ${displayPath(logPath)} (${seconds} s)`,
    );
    return { url: `redis://127.0.0.1:${port}`, stop: use.stop };
  });
}

async function isOurRedis(pid: number, port: number): Promise<boolean> {
  const info = await processInfo(pid);
  // redis-server rewrites its title to "redis-server 127.0.0.1:<port>".
  return (
    info !== undefined &&
    !info.zombie &&
    basename(info.args[0] ?? '').startsWith('redis-server') &&
    info.args.join(' ').includes(`127.0.0.1:${port}`)
  );
}

async function startServer(binary: string, redisDir: string, port: number, logPath: string): Promise<number> {
  const logFrom = await fileSize(logPath);
  const logFd = openSync(logPath, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        redisDir,
        '--appendonly',
        'yes',
        // Queues must never lose jobs to eviction.
        '--maxmemory-policy',
        'noeviction',
        '--daemonize',
        'no',
      ],
      // Detached: a Ctrl+C meant for the host must not stop the server under it; stop() does that.
      { stdio: ['ignore', logFd, logFd], detached: true, env: redisServerEnv() },
    );
  } finally {
    closeSync(logFd);
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // The host's event loop should not wait on the server: stop() or the watchdog ends it.
  child.unref();

  const failure = async (what: string): Promise<Error> =>
    new Error(`redis-server ${what}. Last lines of ${logPath}:\n${await logTail(logPath, logFrom)}`);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw new Error(`Could not start ${binary}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw await failure(`exited during start-up (${child.exitCode ?? child.signalCode})`);
    }
    // Answers -LOADING while it replays the AOF.
    if (child.pid && (await ping('127.0.0.1', port, 500)) === '+PONG') return child.pid;
    if (Date.now() > deadline) {
      if (child.pid) await terminate(child.pid, SHUTDOWN);
      throw await failure(`did not answer PING after ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(50);
  }
}

/** Sends an inline PING; resolves the first reply line, or undefined if nothing answers in time. */
function ping(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((done) => {
    // URL hostnames keep IPv6 brackets; sockets want the bare address.
    const socket = connect({ host: host.replace(/^\[(.*)\]$/, '$1'), port });
    let received = '';
    const finish = (reply: string | undefined): void => {
      clearTimeout(timer);
      socket.destroy();
      done(reply);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n');
      if (end >= 0) finish(received.slice(0, end));
    });
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(received || undefined));
  });
}
