import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { SETTINGS } from '@fleet/server/config';

/**
 * Checks docker/compose.yml against the settings table (libs/server/config/src/settings.ts) and the files
 * beside it, so a new required setting or a renamed Dockerfile breaks this test rather than a deployment.
 * No Docker engine is needed: the file is read as YAML (with `<<` merge keys, which Compose supports).
 */

type Environment = Record<string, string | number | boolean | null> | string[];

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  environment?: Environment;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: (string | number | { published?: string | number; target?: string | number })[];
}

interface ComposeFile {
  version?: unknown;
  services: Record<string, Service>;
}

const dockerDir = __dirname;
const composeText = readFileSync(join(dockerDir, 'compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as ComposeFile;
const services = compose.services;

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker/compose.yml has no service "${name}"`);
  return found;
}

/**
 * A service's environment as a map, from either Compose form: `KEY: value` or `- KEY=value`. A key given
 * without a value (`KEY:` or `- KEY`) is passed through from the shell and maps to null.
 */
function environmentOf(svc: Service): Map<string, string | null> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return new Map(
      env.map((entry): [string, string | null] => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, null] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return new Map(Object.entries(env).map(([key, value]) => [key, value === null ? null : String(value)]));
}

/** Command as tokens, from either the exec (list) or the shell (string) form. */
function commandTokens(svc: Service): string[] {
  const command = svc.command ?? [];
  return (Array.isArray(command) ? command : command.split(/\s+/)).filter(Boolean);
}

function dependencyCondition(svc: Service, dependency: string): string | undefined {
  const dependsOn = svc.depends_on ?? {};
  // The list form means condition service_started.
  if (Array.isArray(dependsOn)) return dependsOn.includes(dependency) ? 'service_started' : undefined;
  const entry = dependsOn[dependency];
  return entry ? (entry.condition ?? 'service_started') : undefined;
}

/** Names of the variables interpolated as required (`${NAME:?message}` or `${NAME?message}`); `$${` is a literal. */
function requiredVariables(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]));
}

describe('docker/compose.yml', () => {
  it('uses the Compose specification format (no version key)', () => {
    expect(compose).not.toHaveProperty('version');
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'console',
      'migrate',
      'postgres',
      'redis',
      'worker',
    ]);
  });

  const requiredSettings = SETTINGS.filter((setting) => setting.required).flatMap((setting) =>
    setting.usedBy.map((app): [string, string] => [app, setting.name]),
  );

  it('has required settings to check', () => {
    expect(requiredSettings.length).toBeGreaterThan(0);
  });

  it.each(requiredSettings)('gives the %s service the required setting %s', (app, name) => {
    // Present with a non-empty value: a key without a value would come from the shell of whoever runs
    // Compose, and the config loader treats an empty value as missing.
    expect(environmentOf(service(app)).get(name)?.trim()).toBeTruthy();
  });

  it("gives the owner's DATABASE_URL to migrate alone, and api and worker the APP_DATABASE_URL migrate grants", () => {
    const migrate = environmentOf(service('migrate'));
    const ownerUrl = migrate.get('DATABASE_URL');
    const appUrl = migrate.get('APP_DATABASE_URL');
    expect(ownerUrl).toMatch(/^postgres(ql)?:\/\//);
    expect(appUrl).toMatch(/^postgres(ql)?:\/\//);
    for (const name of ['api', 'worker']) {
      expect(environmentOf(service(name)).get('APP_DATABASE_URL')).toBe(appUrl);
      expect(environmentOf(service(name)).has('DATABASE_URL')).toBe(false);
    }
    // Another login than the owner's, on the same database.
    const login = (url: string) => url.replace(/^postgres(ql)?:\/\/([^:@]*).*$/, '$2');
    expect(login(appUrl!)).not.toBe(login(ownerUrl!));
    expect(appUrl!.split('/').at(-1)).toBe(ownerUrl!.split('/').at(-1));
  });

  it('gives api and worker the same queue settings', () => {
    for (const name of ['REDIS_URL', 'QUEUE_PREFIX']) {
      expect(environmentOf(service('worker')).get(name)).toBe(environmentOf(service('api')).get(name));
    }
  });

  it('runs the migrations in the migrate service', () => {
    expect(commandTokens(service('migrate'))).toEqual(['node', 'dist/server/tools/db/migrate.js']);
  });

  it('leaves the console to the console service', () => {
    expect(environmentOf(service('api')).get('CONSOLE_DIR')).toBe('');
    expect(service('console').ports).toContain('${CONSOLE_PORT:-8080}:80');
  });

  it('runs Redis with an append-only file and without eviction', () => {
    const tokens = commandTokens(service('redis')).join(' ');
    expect(tokens).toMatch(/--appendonly yes\b/);
    expect(tokens).toMatch(/--maxmemory-policy noeviction\b/);
  });

  it('pins PostgreSQL 16 and Redis 7', () => {
    expect(service('postgres').image).toMatch(/^postgres:16([.-]|$)/);
    expect(service('redis').image).toMatch(/^redis:7([.-]|$)/);
  });

  it.each(['postgres', 'redis', 'api'])('has a health check on %s', (name) => {
    expect(service(name).healthcheck?.test).toBeDefined();
  });

  it('checks the API on /api/health', () => {
    expect([service('api').healthcheck?.test].flat().join(' ')).toContain(':3000/api/health');
  });

  it.each(['api', 'worker'])(
    'starts %s after healthy PostgreSQL and Redis and completed migrations',
    (name) => {
      const svc = service(name);
      expect(dependencyCondition(svc, 'postgres')).toBe('service_healthy');
      expect(dependencyCondition(svc, 'redis')).toBe('service_healthy');
      expect(dependencyCondition(svc, 'migrate')).toBe('service_completed_successfully');
    },
  );

  it('migrates once PostgreSQL is healthy', () => {
    expect(dependencyCondition(service('migrate'), 'postgres')).toBe('service_healthy');
  });

  const builds = Object.entries(services).flatMap(([name, svc]) =>
    svc.build === undefined
      ? []
      : [[name, typeof svc.build === 'string' ? { context: svc.build } : svc.build] as const],
  );

  it('builds api, worker, migrate and console', () => {
    expect(builds.map(([name]) => name).sort()).toEqual(['api', 'console', 'migrate', 'worker']);
  });

  it.each(builds)(
    'builds %s from a Dockerfile in docker/ that has its target and ignore file',
    (_name, build) => {
      expect(build.dockerfile).toBeDefined();
      const dockerfile = resolve(dockerDir, build.context ?? '.', build.dockerfile ?? 'Dockerfile');
      expect(dirname(dockerfile)).toBe(dockerDir);
      expect(existsSync(dockerfile)).toBe(true);
      if (build.target) {
        const stages = [...readFileSync(dockerfile, 'utf8').matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map(
          (m) => m[1],
        );
        expect(stages).toContain(build.target);
      }
      // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile; a docker/.dockerignore would not apply
      // to the context `..`.
      const ignoreFile = `${dockerfile}.dockerignore`;
      expect(existsSync(ignoreFile)).toBe(true);
      const patterns = readFileSync(ignoreFile, 'utf8').split('\n');
      expect(patterns).toEqual(
        expect.arrayContaining(['**/node_modules', 'dist', '**/.data', '.git', 'tmp', '**/.env']),
      );
    },
  );

  it('requires the secrets to be set', () => {
    const required = requiredVariables(composeText);
    expect([...required]).toEqual(
      expect.arrayContaining([
        'JWT_SECRET',
        'POSTGRES_PASSWORD',
        'APP_DB_PASSWORD',
        'ADMIN_PASSWORD',
        'SECADMIN_PASSWORD',
        'AUDITADMIN_PASSWORD',
      ]),
    );
  });

  it('lists every required variable in docker/.env.example', () => {
    const listed = new Set(
      readFileSync(join(dockerDir, '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    const missing = [...requiredVariables(composeText)].filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });
});
