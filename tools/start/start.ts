// `npm start`: the whole product on one machine with its demo data. PostgreSQL from DATABASE_URL or
// an embedded server, Redis from REDIS_URL / 127.0.0.1:6379 / redis-server, migrations, the demo seed
// on an empty database, the console built, then the API (serving the console) and the worker as child
// processes, each restarted with backoff if it crashes. Ctrl-C or SIGTERM stops everything it started
// gracefully; the data stays in DATA_DIR for the next start.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { migrate } from '@fleet/server/persistence';
import { resolveDatabase, resolveRedis } from '../dev-services';
import { seedDemoIfEmpty } from '../seed/seed-demo';
import { localSecrets } from './secrets';
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
    const demoLogins = await seedDemoIfEmpty(database.url, secrets.demoPassword);
    log(demoLogins.length ? 'demo bureau seeded' : 'existing data kept');
    log('building the console…');
    await run(process.execPath, [
      resolve(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.ts',
      '--logLevel',
      'warn',
    ]);

    const port = process.env.PORT ?? '3000';
    const admin = {
      username: process.env.ADMIN_USERNAME ?? 'admin',
      password: process.env.ADMIN_PASSWORD ?? secrets.adminPassword,
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
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
    console.log(
      [
        '',
        `  警务通终端管理 · Police phone fleet console:  http://localhost:${port}`,
        `  API docs: http://localhost:${port}/api/docs`,
        `  admin login:  ${admin.username} / ${admin.password}`,
        ...(demoLogins.length
          ? demoLogins.map((l) => `  ${l.role} login:  ${l.username} / ${l.password}  (${l.note})`)
          : [
              `  other demo logins (repair, auditor, an officer's badge number) use the password ${secrets.demoPassword}`,
            ]),
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
