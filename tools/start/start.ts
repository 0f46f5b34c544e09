// `npm start`: the whole product on one machine with its demo data. PostgreSQL from DATABASE_URL or
// an embedded server, Redis from REDIS_URL / 127.0.0.1:6379 / redis-server, migrations and the
// application's database role (APP_DATABASE_URL, or `<database>_app` with a password kept in
// DATA_DIR/secrets.json), the demo seed on an empty database, the console built (unless its sources are
// unchanged since the last build), then the API (serving the console) and the worker as child processes,
// connected as that role, each restarted with backoff if it crashes. Ctrl-C or SIGTERM stops everything it started
// gracefully; the data stays in DATA_DIR for the next start.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { consoleIsCurrent, recordConsoleBuild } from './console-build';
import { resolve } from 'node:path';
import { ADMINISTRATOR_ROLES } from '@fleet/shared/contracts';
import { createDataSource, grantApplicationRole, migrate, UserEntity } from '@fleet/server/persistence';
import { resolveDatabase, resolveRedis, withLogin } from '../dev-services';
import { seedDemoIfEmpty } from '../seed/seed-demo';
import { generatePassword, localSecrets } from './secrets';
import { Supervised } from './supervisor';

const root = resolve(__dirname, '../../../..');
const log = (message: string) => console.log(`[start] ${message}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** The API or the worker, restarted with backoff whenever it stops by itself. */
function launch(name: string, script: string, env: NodeJS.ProcessEnv): Supervised {
  return new Supervised({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', resolve(root, script)],
    cwd: root,
    env,
    log,
  }).start();
}

/** Waits until the API answers its health check, so the banner appears when the console is usable. */
async function waitForApi(port: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

/** npm start's application role: one per database, as roles are shared by every database of a server. */
function applicationRoleFor(databaseUrl: string): string {
  return `${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}_app`;
}

type AdministratorRole = (typeof ADMINISTRATOR_ROLES)[number];

const ADMINISTRATORS: { role: AdministratorRole; prefix: string; note: string }[] = [
  { role: 'admin', prefix: 'ADMIN', note: '系统管理员 system administrator' },
  { role: 'secadmin', prefix: 'SECADMIN', note: '安全管理员 accounts' },
  { role: 'auditadmin', prefix: 'AUDITADMIN', note: '审计管理员 audit log' },
];

/** The administrator roles that already have an account (their passwords were printed when made). */
async function existingAdministrators(databaseUrl: string): Promise<Set<string>> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    const rows = await dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('DISTINCT u.role', 'role')
      .where('u.role IN (:...roles)', { roles: [...ADMINISTRATOR_ROLES] })
      .getRawMany<{ role: string }>();
    return new Set(rows.map((r) => r.role));
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
  await mkdir(dataDir, { recursive: true });
  const database = await resolveDatabase({ dataDir, log });
  const redis = await resolveRedis({ dataDir, log }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  const stopServices = async () => {
    await redis.stop();
    await database.stop();
  };

  try {
    const ran = await migrate(database.url);
    log(ran.length ? `migrations applied: ${ran.join(', ')}` : 'database schema up to date');
    const secrets = await localSecrets(dataDir);
    // The API and the worker never get the owner's URL: they run as a role that may only SELECT and
    // INSERT the audit log (ADR 0010).
    const appDatabaseUrl =
      process.env.APP_DATABASE_URL ??
      withLogin(database.url, applicationRoleFor(database.url), secrets.appDatabasePassword);
    await grantApplicationRole(database.url, appDatabaseUrl);
    const demoLogins = await seedDemoIfEmpty(database.url, generatePassword);
    log(demoLogins.length ? 'demo bureau seeded' : 'existing data kept');
    const consoleBuild = await consoleIsCurrent(root);
    if (consoleBuild.current) {
      log('console unchanged since its last build: not rebuilt');
    } else {
      log('building the console…');
      await run(process.execPath, [
        resolve(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'apps/console/vite.config.ts',
        '--logLevel',
        'warn',
      ]);
      await recordConsoleBuild(root, consoleBuild.hash);
    }

    const port = process.env.PORT ?? '3000';
    // The three administrators: a generated initial password for each role that has no account yet and
    // no password in the environment, handed to the API in its environment only and printed once below.
    const existing = await existingAdministrators(database.url);
    const bootstrapEnv: NodeJS.ProcessEnv = {};
    const created: { username: string; password: string; note: string }[] = [];
    const kept: { username: string; note: string }[] = [];
    for (const { role, prefix, note } of ADMINISTRATORS) {
      const username = process.env[`${prefix}_USERNAME`] ?? role;
      const given = process.env[`${prefix}_PASSWORD`];
      if (existing.has(role)) {
        kept.push({ username, note });
        continue;
      }
      const password = given ?? generatePassword();
      bootstrapEnv[`${prefix}_USERNAME`] = username;
      bootstrapEnv[`${prefix}_PASSWORD`] = password;
      if (!given) created.push({ username, password, note });
    }
    const { DATABASE_URL: _owner, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      ...bootstrapEnv,
      APP_DATABASE_URL: appDatabaseUrl,
      REDIS_URL: redis.url,
      JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
      DATA_DIR: dataDir,
      CONSOLE_DIR: resolve(root, 'dist/console'),
      PORT: port,
    };
    const children = [
      launch('api', 'dist/server/apps/api/src/main.js', env),
      launch('worker', 'dist/server/apps/worker/src/main.js', env),
    ];

    let stopping = false;
    const stop = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping…`);
      await Promise.all(children.map((child) => child.stop()));
      await stopServices();
      log('stopped; data kept in ' + dataDir);
      process.exit(0);
    };
    process.on('SIGINT', (s) => void stop(s));
    process.on('SIGTERM', (s) => void stop(s));

    await waitForApi(port);
    const printed = [
      ...created.map((l) => `  ${l.note}:  ${l.username} / ${l.password}`),
      ...demoLogins.map((l) => `  ${l.note}:  ${l.username} / ${l.password}`),
    ];
    console.log(
      [
        '',
        `  警务通终端管理 · Police phone fleet console:  http://localhost:${port}`,
        `  API docs (after login, or API_DOCS=public): http://localhost:${port}/api/docs`,
        ...(printed.length
          ? [
              '  New logins, shown this once and stored nowhere in plain text; each must change its',
              '  password at the first login (初始密码，首次登录须修改):',
              ...printed,
            ]
          : []),
        ...(kept.length || !demoLogins.length
          ? [
              `  Existing logins (${[...kept.map((k) => k.username), ...(demoLogins.length ? [] : ['repair', 'auditor', 'an officer'])].join(', ')}) keep the passwords`,
              '  printed when they were made; the security administrator (secadmin) resets forgotten ones.',
            ]
          : []),
        '  Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    await stopServices();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
