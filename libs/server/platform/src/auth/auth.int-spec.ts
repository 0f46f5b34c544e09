import { ApiClient, startTestServer, type TestServer } from '../../../../../tools/test/test-server';

describe('login', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '15',
      JWT_EXPIRES_IN_MINUTES: '5',
    });
  }, 60_000);

  afterAll(() => server?.stop());

  it('returns a token and the user, and the token opens the API', async () => {
    const client = new ApiClient(server.baseUrl);
    const response = await client.login('admin', server.admin.password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      accessToken: string;
      expiresIn: number;
      user: { role: string };
    };
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(body.expiresIn).toBe(300);
    expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    await db.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('locks the account after the configured failures, even for the right password, and audits each try', async () => {
    const admin = new ApiClient(server.baseUrl);
    await admin.login('admin', server.admin.password);
    await admin.request('POST', '/api/users', {
      username: 'victim',
      password: 'victim-password-1',
      role: 'auditor',
    });

    const attacker = new ApiClient(server.baseUrl);
    expect((await attacker.login('victim', 'wrong-1')).status).toBe(401);
    expect((await attacker.login('victim', 'wrong-2')).status).toBe(401);
    const third = await attacker.login('victim', 'wrong-3');
    expect(third.status).toBe(423);
    expect(((await third.json()) as { message: string }).message).toContain('15');
    expect((await attacker.login('victim', 'victim-password-1')).status).toBe(423);

    const filter = encodeURIComponent(JSON.stringify({ q: 'victim' }));
    const rows = (await (await admin.request('GET', `/api/audit-log?filter=${filter}`)).json()) as {
      action: string;
    }[];
    expect(rows.filter((r) => r.action === 'login_failed')).toHaveLength(4);
  });

  it('audits a failed login for an unknown user without leaking that it is unknown', async () => {
    const response = await new ApiClient(server.baseUrl).login('nobody', 'whatever-1');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toBe('用户名或密码错误');
  });
});
