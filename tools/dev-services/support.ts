// Process, port, lock and file helpers shared by the embedded PostgreSQL and Redis launchers.
import { execFile, spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import {
  access,
  chmod,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type Log = (msg: string) => void;

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * The environment for a redis-server child: without LD_PRELOAD, since redis-server (jemalloc) cannot
 * start under libfaketime, which `npm run test:future` preloads to run the suite two years ahead.
 * Redis keeps the real clock; nothing in the product reads Redis's time.
 */
export function redisServerEnv(): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, ...env } = process.env;
  return env;
}

export interface ProcessInfo {
  pid: number;
  args: string[];
  zombie: boolean;
}

/** True while the pid exists (zombies included). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the OS knows about a process, or undefined when it does not exist. */
export async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  if (!Number.isInteger(pid) || pid <= 0 || !pidExists(pid)) return undefined;
  try {
    const statLine = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is parenthesised and may contain spaces, so parse after the last ')'.
    const state = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[0];
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return { pid, args: cmdline.split('\0').filter(Boolean), zombie: state === 'Z' };
  } catch {
    // No /proc (macOS), or the process just went away: ask ps, whose args are only space-separated.
    try {
      const { stdout } = await execFileAsync('ps', ['-o', 'stat=,args=', '-p', String(pid)]);
      const match = /^\s*(\S+)\s+(.*)$/.exec(stdout.trim());
      if (!match) return undefined;
      return { pid, args: match[2].split(/\s+/), zombie: match[1].startsWith('Z') };
    } catch {
      return undefined;
    }
  }
}

/** Alive and not a zombie (an orphan under a non-reaping init stays a zombie forever). */
export async function isRunning(pid: number): Promise<boolean> {
  const info = await processInfo(pid);
  return info !== undefined && !info.zombie;
}

/** Sends each signal in turn until the process is gone; returns false if it survived them all. */
export async function terminate(pid: number, steps: Array<[NodeJS.Signals, number]>): Promise<boolean> {
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      throw error;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!(await isRunning(pid))) return true;
      await sleep(50);
    }
  }
  return !(await isRunning(pid));
}

/**
 * A dev server (PostgreSQL, Redis) can be used by several runs at once, say `npm start` and a jest run
 * on the same data directory. Each use holds a lease, a file named <pid>-<n> in `usersDir`; the server
 * is stopped when the last lease is released, whether by stop() or by a watchdog when its run dies.
 */
export interface SharedServer {
  pid: number;
  signal: 'INT' | 'TERM';
  steps: Array<[NodeJS.Signals, number]>;
  usersDir: string;
  lockPath: string;
  what: string;
}

let leaseCounter = 0;

/** pids of the runs holding a lease on the server, forgetting leases of runs that are gone. */
export async function liveUsers(usersDir: string): Promise<number[]> {
  const users: number[] = [];
  for (const lease of await readdir(usersDir).catch(() => [] as string[])) {
    const pid = Number(lease.split('-')[0]);
    if (await isRunning(pid)) users.push(pid);
    else await rm(join(usersDir, lease), { force: true });
  }
  return users;
}

export interface ServerUse {
  /** Releases this use; stops the server unless another live run still uses it. */
  stop: () => Promise<void>;
  /** The same, for a caller that already holds the server's lock. */
  stopLocked: () => Promise<void>;
}

/** Takes a lease on a running server; call it holding the server's lock. */
export async function useServer(server: SharedServer, log: Log): Promise<ServerUse> {
  await mkdir(server.usersDir, { recursive: true });
  const lease = join(server.usersDir, `${process.pid}-${++leaseCounter}`);
  await writeFile(lease, '');
  const disarm = watchOver(server, lease);
  let stopped = false;
  const stopLocked = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    disarm();
    await rm(lease, { force: true });
    const others = await liveUsers(server.usersDir);
    if (others.length > 0) {
      log(`left running for pid ${others.join(', ')}, which still uses it`);
    } else if (!(await terminate(server.pid, server.steps))) {
      throw new Error(`${server.what} (pid ${server.pid}) did not stop`);
    }
  };
  return {
    stop: async () => {
      if (!stopped) await withLock(server.lockPath, log, stopLocked);
    },
    stopLocked,
  };
}

// Runs when the pipe closes: drop the lease, then signal the server unless another live run holds one.
const WATCHDOG = `read -r _
rm -f "$1"
for f in "$2"/*; do
  [ -e "$f" ] || continue
  p=\${f##*/}
  kill -0 "\${p%%-*}" 2>/dev/null && exit 0
done
kill -"$3" "$4" 2>/dev/null`;

/**
 * A detached shell waiting for end-of-file on a pipe only this process holds, so it notices this process
 * going however it ends: SIGKILL, a signal the host does not handle, or a jest worker (whose `process`
 * is a sandboxed copy that never emits 'exit'). Returns a function that disarms it.
 */
function watchOver(server: SharedServer, lease: string): () => void {
  // kill -INT 0 would signal the watchdog's own process group instead.
  if (!Number.isInteger(server.pid) || server.pid <= 0)
    throw new Error(`No server to watch over (${server.pid})`);
  if (process.platform === 'win32') return () => undefined;
  const watchdog = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'dev-services-watchdog', lease, server.usersDir, server.signal, String(server.pid)],
    // Its own process group, so a Ctrl+C meant for the host does not end it before the host is done.
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  watchdog.once('error', () => undefined);
  watchdog.stdin?.once('error', () => undefined);
  // Neither the watchdog nor its pipe may keep the host's event loop alive.
  watchdog.unref();
  // A child's stdio pipe is a net.Socket at run time, though typed as a plain Writable.
  (watchdog.stdin as Socket | null)?.unref();
  return () => {
    watchdog.kill('SIGKILL');
  };
}

async function canListen(port: number): Promise<number | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(undefined));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => done(bound));
    });
  });
}

/** The first of the preferred ports that is free on 127.0.0.1, else one the OS picks. */
export async function freePort(preferred: Array<number | undefined>, avoid: number[] = []): Promise<number> {
  for (const port of preferred) {
    if (port && !avoid.includes(port) && (await canListen(port))) return port;
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = await canListen(0);
    if (port && !avoid.includes(port)) return port;
  }
  throw new Error('Could not find a free TCP port on 127.0.0.1');
}

/**
 * Serialises concurrent dev runs on one data directory (e.g. `npm start` and `npm test` starting at the
 * same moment), so that only one of them initialises or starts a server and the other shares it.
 */
export async function withLock<T>(lockPath: string, log: Log, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  let waitingFor: number | undefined;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    const age = Date.now() - ((await stat(lockPath).catch(() => undefined))?.mtimeMs ?? 0);
    // An empty file is a lock being written right now, unless it is old (its writer died in between).
    const stale = holder ? !(await isRunning(holder)) : age > 5_000;
    if (stale) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${lockPath} (held by pid ${holder}); delete it if that run is gone`,
      );
    }
    if (holder && holder !== waitingFor) {
      waitingFor = holder;
      log(`waiting for pid ${holder}, which holds ${displayPath(lockPath)}`);
    }
    await sleep(100);
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

/** Writes through a temporary file and a rename, so a killed run never leaves half a file. */
export async function writeFileAtomic(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

export async function readJson<T>(path: string): Promise<Partial<T>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Partial<T>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** The last lines a server wrote to its log since `fromOffset`, for error messages. */
export async function logTail(path: string, fromOffset: number, lines = 20): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.slice(fromOffset).trimEnd().split('\n').slice(-lines).join('\n');
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}

/** Finds an executable on PATH. */
export async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      await access(candidate, fsConstants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** A path for log lines: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd && !fromCwd.startsWith('..') ? fromCwd : resolve(path);
}

/** The URL with its password masked, for log lines. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Gives `uid`/`gid` search (x) permission on `dir` and every parent, adding only the one bit that
 * applies to them (owner, group or other): a server running as another user must reach its files.
 */
export async function ensureSearchable(dir: string, uid: number, gid: number, log: Log): Promise<void> {
  let current = resolve(dir);
  for (;;) {
    const info = await stat(current);
    const bit = info.uid === uid ? 0o100 : info.gid === gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      await chmod(current, (info.mode & 0o7777) | bit);
      const who = bit === 0o100 ? 'u' : bit === 0o010 ? 'g' : 'o';
      log(`granted ${who}+x on ${current} so that uid ${uid} can reach the data directory`);
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
