import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@fleet/server/config';
import type { Role } from '@fleet/shared/contracts';
import { createApp } from '../../apps/api/src/app';
import { createTestDatabase } from './test-db';

export interface TestServer {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  admin: { username: string; password: string };
  /** The product's clock (CLOCK_START moves it): what "now" is for the API under test. */
  clock: Clock;
  stop: () => Promise<void>;
}

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-1' };

/**
 * The real API on a free port over a fresh database, with the first admin created, serving the
 * built console (dist/console) when it has been built. Settings can be overridden per test.
 */
export async function startTestServer(settings: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-000000',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
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
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    admin: TEST_ADMIN,
    clock: app.get(Clock),
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A small fetch-based client for API tests: logs in once, then sends the token. */
export class ApiClient {
  private token: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly lang = 'zh-CN',
  ) {}

  async login(username: string, password: string): Promise<Response> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.ok) this.token = ((await response.clone().json()) as { accessToken: string }).accessToken;
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
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

/** Creates a login of each role (an officer login needs an officer) and returns their clients. */
export async function clientsByRole(server: TestServer, officerId: number): Promise<Record<Role, ApiClient>> {
  const admin = new ApiClient(server.baseUrl);
  await admin.login(server.admin.username, server.admin.password);
  const clients = { admin } as Record<Role, ApiClient>;
  for (const role of ['repair_intake', 'officer', 'auditor'] as const) {
    const username = `${role}-user`;
    const password = `${role}-password-1`;
    const created = await admin.request('POST', '/api/users', {
      username,
      password,
      role,
      ...(role === 'officer' ? { officerId } : {}),
    });
    if (created.status !== 201)
      throw new Error(`creating ${role}: ${created.status} ${await created.text()}`);
    clients[role] = new ApiClient(server.baseUrl);
    await clients[role].login(username, password);
  }
  return clients;
}
