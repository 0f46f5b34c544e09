import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import {
  ApiClient,
  INITIAL_PASSWORD,
  auditadminOf,
  createLogin,
  secadminClient,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';

const JWT_SECRET = 'test-secret-that-is-long-enough-000000';

/** A client whose requests come from the given address (the test server believes X-Forwarded-For of 127.0.0.1). */
class ClientAt extends ApiClient {
  constructor(
    baseUrl: string,
    private readonly ip: string,
  ) {
    super(baseUrl);
  }

  override request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, path, body, { 'x-forwarded-for': this.ip, ...headers });
  }
}

const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;

describe('sessions, logins and passwords', () => {
  let server: TestServer;
  let secadmin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_BACKOFF_SECONDS: '60',
      TRUST_PROXY: '127.0.0.1',
    });
    secadmin = await secadminClient(server);
  }, 60_000);

  afterAll(() => server?.stop());

  const status = async (client: ApiClient, method: string, path: string, body?: unknown) =>
    (await client.request(method, path, body)).status;

  describe('sessions (issue 12 item 1)', () => {
    it('answers a 15-minute access token and sets the refresh token as an httpOnly, same-site cookie', async () => {
      const client = new ApiClient(server.baseUrl);
      const response = await client.login('admin', server.admin.password);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { expiresIn: number; user: { role: string } };
      expect(body.expiresIn).toBe(900);
      expect(body.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^fleet_refresh=[0-9a-f-]{36}\.[\w-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/api/auth');
      expect(JSON.stringify(body)).not.toContain(client.cookie!);
      expect(await status(client, 'GET', '/api/auth/me')).toBe(200);
    });

    it('renews the session with the cookie, rotating it; a replaced refresh token ends the session', async () => {
      const client = new ApiClient(server.baseUrl);
      await client.login('admin', server.admin.password);
      const first = client.cookie!;
      expect((await client.refresh()).status).toBe(200);
      const second = client.cookie!;
      expect(second).not.toBe(first);
      expect(await status(client, 'GET', '/api/units')).toBe(200);
      // Someone replays the first token after the grace of a few seconds: the whole session ends.
      await new Promise((r) => setTimeout(r, 10_500));
      const thief = new ApiClient(server.baseUrl);
      thief.cookie = first;
      expect((await thief.refresh()).status).toBe(401);
      expect(await status(client, 'GET', '/api/units')).toBe(401);
      expect((await client.refresh()).status).toBe(401);
    }, 30_000);

    it('ends the session at logout: its access token and its refresh token answer 401, and the cookie is cleared', async () => {
      const client = new ApiClient(server.baseUrl);
      await client.login('admin', server.admin.password);
      const cookie = client.cookie;
      const logout = await client.request('POST', '/api/auth/logout');
      expect(logout.status).toBe(204);
      expect(logout.headers.get('set-cookie')).toMatch(/^fleet_refresh=;.*Max-Age=0/);
      expect(await status(client, 'GET', '/api/auth/me')).toBe(401);
      client.cookie = cookie;
      expect((await client.refresh()).status).toBe(401);
      expect(await status(new ApiClient(server.baseUrl), 'POST', '/api/auth/logout')).toBe(401);
    });

    it('refuses a token without exp and a token signed by anyone else', async () => {
      const client = new ApiClient(server.baseUrl);
      await client.login('admin', server.admin.password);
      const claims = JSON.parse(
        Buffer.from(client.accessToken!.split('.')[1], 'base64url').toString(),
      ) as Record<string, unknown>;
      const { exp: _exp, iat: _iat, ...withoutExp } = claims;
      const forever = new JwtService({ secret: JWT_SECRET }).sign(withoutExp);
      expect(await status(new ApiClient(server.baseUrl).useToken(forever), 'GET', '/api/units')).toBe(401);
      const stillFine = new JwtService({ secret: JWT_SECRET }).sign(withoutExp, { expiresIn: 60 });
      expect(await status(new ApiClient(server.baseUrl).useToken(stillFine), 'GET', '/api/units')).toBe(200);
      const forged = new JwtService({ secret: 'x'.repeat(40) }).sign(withoutExp, { expiresIn: 60 });
      expect(await status(new ApiClient(server.baseUrl).useToken(forged), 'GET', '/api/units')).toBe(401);
    });

    it.each([
      ['a password reset by the security administrator', { password: 'reset-by-secadmin-Lw4' }],
      ['a disable', { disabled: true }],
      ['a demotion', { role: 'auditor' }],
    ])('ends the old token at once after %s', async (_what, change) => {
      const { client, id } = await createLogin(server, {
        username: `intake${Math.random().toString(36).slice(2, 8)}`,
        role: 'repair_intake',
      });
      expect(await status(client, 'GET', '/api/repair-tickets')).toBe(200);
      expect((await secadmin.request('PUT', `/api/users/${id}`, change)).status).toBe(200);
      expect(await status(client, 'GET', '/api/repair-tickets')).toBe(401);
      expect((await client.refresh()).status).toBe(401);
    });

    it('ends the old token at once after a delete, and after the secadmin ends all sessions', async () => {
      const a = await createLogin(server, { username: 'to-delete', role: 'auditor' });
      expect((await secadmin.request('DELETE', `/api/users/${a.id}`)).status).toBe(200);
      expect(await status(a.client, 'GET', '/api/devices')).toBe(401);

      const b = await createLogin(server, { username: 'to-end', role: 'auditor' });
      const other = new ApiClient(server.baseUrl);
      await other.login('to-end', b.password);
      const ended = await secadmin.request('POST', `/api/users/${b.id}/sessions/end`);
      expect(await ended.json()).toEqual({ sessionsEnded: 2 });
      expect(await status(b.client, 'GET', '/api/devices')).toBe(401);
      expect(await status(other, 'GET', '/api/devices')).toBe(401);
    });

    it('ends every other session at the user’s own password change and starts a new one for this client', async () => {
      const { client, password } = await createLogin(server, { username: 'changer', role: 'auditor' });
      const elsewhere = new ApiClient(server.baseUrl);
      await elsewhere.login('changer', password);
      const changed = await client.changePassword(password, 'silver-otter-canyon-5');
      expect(changed.status).toBe(200);
      expect(await status(client, 'GET', '/api/devices')).toBe(200);
      expect(await status(elsewhere, 'GET', '/api/devices')).toBe(401);
      expect((await new ApiClient(server.baseUrl).login('changer', password)).status).toBe(401);
      expect((await new ApiClient(server.baseUrl).login('changer', 'silver-otter-canyon-5')).status).toBe(
        200,
      );
    });
  });

  describe('logins (issue 12 item 2)', () => {
    it('gives the same answer for a wrong password, an unknown account and a disabled one, and audits each', async () => {
      const { id, password } = await createLogin(server, { username: 'sleeper', role: 'auditor' });
      await secadmin.request('PUT', `/api/users/${id}`, { disabled: true });
      const answers = [];
      for (const [username, pw, ip] of [
        ['admin', 'wrong-password-123', '10.1.0.1'],
        ['nobody-here', 'wrong-password-123', '10.1.0.2'],
        ['sleeper', password, '10.1.0.3'],
      ]) {
        const response = await new ClientAt(server.baseUrl, ip).login(username, pw);
        answers.push([response.status, await response.text()]);
      }
      expect(answers[0]).toEqual([401, JSON.stringify({ statusCode: 401, message: '用户名或密码错误' })]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      const filter = encodeURIComponent(JSON.stringify({ action: 'login_failed' }));
      const rows = (await (
        await (await auditadminOf(server)).request('GET', `/api/audit-log?filter=${filter}`)
      ).json()) as {
        username: string;
        after: { reason: string };
      }[];
      expect(rows.map((r) => `${r.username}:${r.after.reason}`)).toEqual(
        expect.arrayContaining(['admin:wrong password', 'nobody-here:unknown user', 'sleeper:disabled']),
      );
    });

    it('backs off per account and client with 429 and Retry-After, alike for known and unknown names, without locking the owner out', async () => {
      const attacker = new ClientAt(server.baseUrl, '10.2.0.1');
      for (const username of ['admin', 'ghost-account']) {
        for (let i = 0; i < 3; i++)
          expect((await attacker.login(username, `guess-number-${i}0000`)).status).toBe(401);
        const held = await attacker.login(username, server.admin.password);
        expect(held.status).toBe(429);
        expect(held.headers.get('retry-after')).toBe('60');
        expect(await messageOf(held)).toBe('尝试过于频繁，请 60 秒后再试');
      }
      // The real admin at their own workstation is not held up by the attacker's failures.
      expect(
        (await new ClientAt(server.baseUrl, '10.2.0.2').login('admin', server.admin.password)).status,
      ).toBe(200);
    });

    it('limits login requests per client address with 429 and Retry-After', async () => {
      const limited = await startTestServer({ LOGIN_RATE_PER_MINUTE: '8', TRUST_PROXY: '127.0.0.1' });
      try {
        const client = new ClientAt(limited.baseUrl, '10.3.0.1');
        const statuses = [];
        for (let i = 0; i < 10; i++)
          statuses.push((await client.login(`someone-${i}`, 'guess-number-10000')).status);
        // The start's own first logins (six requests) came from 127.0.0.1, not from this client.
        expect(statuses).toEqual([...Array(8).fill(401), 429, 429]);
        const limitedAnswer = await client.login('someone', 'guess-number-x');
        expect(Number(limitedAnswer.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(
          (await new ClientAt(limited.baseUrl, '10.3.0.2').login('admin', limited.admin.password)).status,
        ).toBe(200);
        // Other routes are not limited.
        for (let i = 0; i < 8; i++) expect((await client.request('GET', '/api/health')).status).not.toBe(429);
      } finally {
        await limited.stop();
      }
    }, 60_000);
  });

  describe('passwords (issue 12 item 3)', () => {
    it('stores passwords as argon2id hashes', async () => {
      const db = new Client({ connectionString: server.databaseUrl });
      await db.connect();
      const { rows } = await db.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
      await db.end();
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it.each([
      ['aaaaaaaaaaaa', '密码中不同的字符太少'],
      ['1234567890', '密码至少需要 12 个字符'],
      ['password1234', '密码是常见或已泄露的密码，请换一个'],
      ['newbie-harbour-7', '密码不能包含用户名'],
    ])('refuses the weak password %s on creation, naming the field', async (password, reason) => {
      const response = await secadmin.request('POST', '/api/users', {
        username: 'newbie',
        password,
        role: 'auditor',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { field: string; reason: string }[] };
      expect(body.errors).toContainEqual({ field: 'password', reason });
    });

    it('refuses a weak new password and a wrong current one on the user’s own change, in English too', async () => {
      const { client, password } = await createLogin(server, { username: 'picky', role: 'auditor' });
      const weak = await client.request(
        'POST',
        '/api/auth/password',
        { currentPassword: password, newPassword: 'qwertyuiop12' },
        { 'accept-language': 'en' },
      );
      expect(weak.status).toBe(400);
      expect(await weak.json()).toMatchObject({
        errors: [
          { field: 'newPassword', reason: 'The password is a common or breached one: choose another' },
        ],
      });
      const wrong = await client.request('POST', '/api/auth/password', {
        currentPassword: 'not-my-password-1',
        newPassword: 'silver-otter-canyon-5',
      });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({
        errors: [{ field: 'currentPassword', reason: '当前密码不正确' }],
      });
    });

    it('makes a password set by the security administrator an initial one: nothing but the change until it is changed', async () => {
      const created = await secadmin.request('POST', '/api/users', {
        username: 'freshman',
        password: INITIAL_PASSWORD,
        role: 'auditor',
      });
      expect(created.status).toBe(201);
      const client = new ApiClient(server.baseUrl);
      const login = await client.login('freshman', INITIAL_PASSWORD);
      expect(
        ((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword,
      ).toBe(true);
      const refused = await client.request('GET', '/api/devices');
      expect(refused.status).toBe(403);
      expect(await messageOf(refused)).toBe('请先修改初始密码');
      expect(await status(client, 'GET', '/api/auth/me')).toBe(200);
      expect((await client.changePassword(INITIAL_PASSWORD, 'maple-frost-lantern-8')).status).toBe(200);
      expect(await status(client, 'GET', '/api/devices')).toBe(200);
    });
  });

  describe('三员分立 (issue 12 item 8)', () => {
    it('keeps accounts to the secadmin, the audit log to the auditadmin, and the bureau’s data from both', async () => {
      const admin = new ApiClient(server.baseUrl);
      await admin.login('admin', server.admin.password);
      const auditadmin = await auditadminOf(server);
      expect(await status(admin, 'GET', '/api/users')).toBe(403);
      expect(await status(admin, 'GET', '/api/audit-log')).toBe(403);
      expect(
        await status(admin, 'POST', '/api/users', {
          username: 'sneaky',
          password: INITIAL_PASSWORD,
          role: 'admin',
        }),
      ).toBe(403);
      expect(await status(secadmin, 'GET', '/api/audit-log')).toBe(403);
      expect(await status(secadmin, 'GET', '/api/devices')).toBe(403);
      expect(await status(auditadmin, 'GET', '/api/users')).toBe(403);
      expect(await status(auditadmin, 'GET', '/api/devices')).toBe(403);
      expect(await status(auditadmin, 'GET', '/api/audit-log')).toBe(200);
      expect(await status(secadmin, 'GET', '/api/users')).toBe(200);
      // Each refusal is in the audit log, with who asked for what.
      const filter = encodeURIComponent(JSON.stringify({ action: 'access_denied', resource: 'users' }));
      const refused = (await (await auditadmin.request('GET', `/api/audit-log?filter=${filter}`)).json()) as {
        username: string;
        after: { method: string; path: string; reason: string };
      }[];
      expect(
        refused
          .filter((r) => r.username === 'admin')
          .map((r) => `${r.after.method} ${r.after.path}`)
          .sort(),
      ).toEqual(['GET /api/users', 'POST /api/users']);
    });

    it('never lets one account hold two administrator roles, nor link a non-officer login to an officer', async () => {
      const users = (await (await secadmin.request('GET', '/api/users')).json()) as {
        id: number;
        username: string;
      }[];
      const adminId = users.find((u) => u.username === 'admin')!.id;
      const moved = await secadmin.request('PUT', `/api/users/${adminId}`, { role: 'auditadmin' });
      expect(moved.status).toBe(400);
      expect(await moved.json()).toMatchObject({ errors: [{ field: 'role' }] });
      const { id } = await createLogin(server, { username: 'climber', role: 'auditor' });
      expect((await secadmin.request('PUT', `/api/users/${id}`, { role: 'secadmin' })).status).toBe(400);
      // The last working account of an administrator role stays.
      const auditadminId = users.find((u) => u.username === 'auditadmin')!.id;
      const last = await secadmin.request('DELETE', `/api/users/${auditadminId}`);
      expect(last.status).toBe(409);
      expect(await messageOf(last)).toBe('这是最后一个可用的审计管理员账号，不能停用或删除');
      expect((await secadmin.request('PUT', `/api/users/${adminId}`, { disabled: true })).status).toBe(409);
      const selfId = users.find((u) => u.username === 'secadmin')!.id;
      expect((await secadmin.request('PUT', `/api/users/${selfId}`, { disabled: true })).status).toBe(409);

      const db = new Client({ connectionString: server.databaseUrl });
      await db.connect();
      const unit = await db.query(`INSERT INTO units (name) VALUES ('三员测试所') RETURNING id`);
      const officer = await db.query(
        `INSERT INTO officers (badge_no, name, unit_id) VALUES ('659901', '赵强', $1) RETURNING id`,
        [unit.rows[0].id],
      );
      await db.end();
      const linked = await secadmin.request('POST', '/api/users', {
        username: 'linked-auditor',
        password: INITIAL_PASSWORD,
        role: 'auditor',
        officerId: officer.rows[0].id,
      });
      expect(linked.status).toBe(400);
      expect(await linked.json()).toMatchObject({
        errors: [{ field: 'officerId', reason: '只有警员角色的账号可以关联警员' }],
      });
    });
  });
});
