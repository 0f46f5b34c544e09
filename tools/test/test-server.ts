import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@fleet/server/config';
import type { Role } from '@fleet/shared/contracts';
import { createApp } from '../../apps/api/src/app';
import { createTestDatabase } from './test-db';

export interface Login {
  username: string;
  password: string;
}

export interface TestServer {
  app: NestFastifyApplication;
  baseUrl: string;
  /** The owner's URL, for fixtures and for looking behind the API's back. */
  databaseUrl: string;
  /** The application role's URL, which the API (and a worker started beside it) connects with. */
  appDatabaseUrl: string;
  /** The product's clock (CLOCK_START moves it): what "now" is for the API under test. */
  clock: Clock;
  /** The system administrator, the security administrator and the audit administrator (三员). */
  admin: Login;
  secadmin: Login;
  auditadmin: Login;
  stop: () => Promise<void>;
}

export const TEST_ADMIN: Login = { username: 'admin', password: 'harbour-lantern-42' };
export const TEST_SECADMIN: Login = { username: 'secadmin', password: 'quiet-meadow-river-9' };
export const TEST_AUDITADMIN: Login = { username: 'auditadmin', password: 'amber-ledger-falcon-3' };
/** The initial passwords the server starts with; startTestServer changes them as a person would. */
export const INITIAL_PASSWORD = 'initial-Xq7-zephyr-wharf';

/**
 * The real API on a free port over a fresh database, connected as the application's role, with the first
 * admin created, serving the built console (dist/console) when it has been built. Settings can be overridden
 * per test.
 */
export async function startTestServer(settings: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    // The API and the worker connect as the application's role, as in production; the owner's URL is the
    // test's own (server.databaseUrl).
    APP_DATABASE_URL: database.appUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-000000',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: INITIAL_PASSWORD,
    SECADMIN_USERNAME: TEST_SECADMIN.username,
    SECADMIN_PASSWORD: INITIAL_PASSWORD,
    AUDITADMIN_USERNAME: TEST_AUDITADMIN.username,
    AUDITADMIN_PASSWORD: INITIAL_PASSWORD,
    // Tests log in far more often than people: throttling has its own test with its own limit.
    LOGIN_RATE_PER_MINUTE: '10000',
    API_DOCS: 'public',
    CONSOLE_DIR: resolve(__dirname, '../../dist/console'),
    DATA_DIR: resolve(__dirname, `../../tmp/test-data/${database.url.split('/').pop()}`),
    LOG_LEVEL: 'error',
    // Queues of the test file's own, so a worker started by one file never takes another's jobs.
    QUEUE_PREFIX: `${process.env.TEST_QUEUE_PREFIX}-${database.url.split('_').slice(-2).join('-')}`,
    ...settings,
  });
  const app = await createApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const login of [TEST_ADMIN, TEST_SECADMIN, TEST_AUDITADMIN]) {
    await firstLogin(baseUrl, login.username, INITIAL_PASSWORD, login.password);
  }
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    appDatabaseUrl: database.appUrl,
    admin: TEST_ADMIN,
    clock: app.get(Clock),
    secadmin: TEST_SECADMIN,
    auditadmin: TEST_AUDITADMIN,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Logs in with an initial password and changes it, as the console makes a person do; the new client. */
export async function firstLogin(
  baseUrl: string,
  username: string,
  initialPassword: string,
  newPassword: string,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const login = await client.login(username, initialPassword);
  if (login.status !== 200)
    throw new Error(`first login of ${username}: ${login.status} ${await login.text()}`);
  const changed = await client.changePassword(initialPassword, newPassword);
  if (changed.status !== 200)
    throw new Error(`password change of ${username}: ${changed.status} ${await changed.text()}`);
  return client;
}

/** A small fetch-based client for API tests: logs in once, then sends the token (and keeps the session cookie). */
export class ApiClient {
  private token: string | null = null;
  /** The refresh cookie, as a browser keeps it. */
  cookie: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly lang = 'zh-CN',
  ) {}

  async login(username: string, password: string): Promise<Response> {
    return this.keep(await this.request('POST', '/api/auth/login', { username, password }));
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<Response> {
    return this.keep(await this.request('POST', '/api/auth/password', { currentPassword, newPassword }));
  }

  async refresh(): Promise<Response> {
    return this.keep(await this.request('POST', '/api/auth/refresh'));
  }

  get accessToken(): string | null {
    return this.token;
  }

  /** Takes the access token and the refresh cookie of a successful session answer. */
  private async keep(response: Response): Promise<Response> {
    if (response.ok) this.token = ((await response.clone().json()) as { accessToken: string }).accessToken;
    const cookie = /fleet_refresh=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (cookie !== undefined) this.cookie = cookie || null;
    return response;
  }

  useToken(token: string | null): this {
    this.token = token;
    return this;
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'accept-language': this.lang,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(this.cookie ? { cookie: `fleet_refresh=${this.cookie}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

/** The audit administrator's client, logged in (the only role that reads the audit log). */
export async function auditadminOf(server: TestServer): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  await client.login(server.auditadmin.username, server.auditadmin.password);
  return client;
}

/** The security administrator's client, logged in. */
export async function secadminClient(server: TestServer): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  await client.login(server.secadmin.username, server.secadmin.password);
  return client;
}

/**
 * Creates a login through the security administrator and does its first login (the password change);
 * returns the new user's client and final password.
 */
export async function createLogin(
  server: TestServer,
  user: { username: string; role: Role; officerId?: number | null },
  password = 'orchard-lamp-Kq9-walnut',
): Promise<{ client: ApiClient; password: string; id: number }> {
  const secadmin = await secadminClient(server);
  const created = await secadmin.request('POST', '/api/users', { ...user, password: INITIAL_PASSWORD });
  if (created.status !== 201)
    throw new Error(`creating ${user.username}: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: number };
  const client = await firstLogin(server.baseUrl, user.username, INITIAL_PASSWORD, password);
  return { client, password, id };
}

/** A client of each role (an officer login needs an officer), the three administrators included. */
export async function clientsByRole(server: TestServer, officerId: number): Promise<Record<Role, ApiClient>> {
  const clients = {} as Record<Role, ApiClient>;
  for (const [role, login] of [
    ['admin', server.admin],
    ['secadmin', server.secadmin],
    ['auditadmin', server.auditadmin],
  ] as const) {
    clients[role] = new ApiClient(server.baseUrl);
    await clients[role].login(login.username, login.password);
  }
  for (const role of ['repair_intake', 'officer', 'auditor'] as const) {
    clients[role] = (
      await createLogin(server, {
        username: `${role}-user`,
        role,
        ...(role === 'officer' ? { officerId } : {}),
      })
    ).client;
  }
  return clients;
}
