import { Client } from 'pg';
import {
  ApiClient,
  auditadminOf,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';

describe('units and officers over HTTP', () => {
  let server: TestServer;
  let admin: ApiClient;
  let rootId: number;
  let stationId: number;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    rootId = (await json<{ id: number }>(await admin.request('POST', '/api/units', { name: '且末县公安局' })))
      .id;
    stationId = (
      await json<{ id: number }>(
        await admin.request('POST', '/api/units', { name: '城关派出所', parentId: rootId }),
      )
    ).id;
    for (const [badgeNo, name] of [
      ['651001', '张伟'],
      ['651002', '王芳'],
      ['651003', '李娜'],
      ['651004', '张敏'],
    ]) {
      await admin.request('POST', '/api/officers', { badgeNo, name, unitId: stationId });
    }
  }, 60_000);

  afterAll(() => server?.stop());

  it('lists with sort, range, filter and q, and says the total in Content-Range', async () => {
    const query = new URLSearchParams({
      sort: JSON.stringify(['badgeNo', 'DESC']),
      range: JSON.stringify([0, 1]),
      filter: JSON.stringify({ q: '张', unitId: stationId }),
    });
    const response = await admin.request('GET', `/api/officers?${query.toString()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('officers 0-1/2');
    expect((await json<{ badgeNo: string }[]>(response)).map((o) => o.badgeNo)).toEqual(['651004', '651001']);

    const byIds = await admin.request('GET', `/api/officers?filter=${encodeURIComponent('{"id":[1,2]}')}`);
    expect((await json<unknown[]>(byIds)).length).toBe(2);
  });

  it('refuses an unknown sort field or filter, naming the parameter', async () => {
    const bad = await admin.request('GET', `/api/officers?sort=${encodeURIComponent('["password","ASC"]')}`);
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0].field).toBe('sort');
    const filter = await admin.request('GET', `/api/officers?filter=${encodeURIComponent('{"shoeSize":1}')}`);
    expect((await json<{ errors: { field: string }[] }>(filter)).errors[0].field).toBe('filter');
  });

  it('names the field and the reason in Chinese by default and in English on request', async () => {
    const zh = await admin.request('POST', '/api/officers', {
      badgeNo: '12345',
      name: '',
      unitId: stationId,
    });
    expect(zh.status).toBe(400);
    const zhBody = await json<{ errors: { field: string; reason: string }[] }>(zh);
    expect(zhBody.errors).toEqual(
      expect.arrayContaining([
        { field: 'badgeNo', reason: expect.stringContaining('警号') },
        { field: 'name', reason: expect.stringContaining('不能为空') },
      ]),
    );
    const en = await new ApiClient(server.baseUrl, 'en')
      .useToken(
        (await json<{ accessToken: string }>(await admin.login(server.admin.username, server.admin.password)))
          .accessToken,
      )
      .request('POST', '/api/officers', {
        badgeNo: '651009',
        name: '赵六',
        unitId: stationId,
        mobile: '12345678901',
      });
    expect(await json<unknown>(en)).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'mobile', reason: expect.stringMatching(/mobile number/i) }],
    });
  });

  it('refuses null for a required field on an edit, naming it, and still takes null where allowed', async () => {
    const officers = await json<{ id: number; name: string }[]>(await admin.request('GET', '/api/officers'));
    const officer = officers[0];
    const unit = await admin.request('PUT', `/api/units/${stationId}`, { name: null });
    expect(unit.status).toBe(400);
    expect((await json<{ errors: { field: string; reason: string }[] }>(unit)).errors).toEqual([
      { field: 'name', reason: expect.stringContaining('必填') },
    ]);
    const edit = await admin.request('PUT', `/api/officers/${officer.id}`, { name: null, unitId: null });
    expect(edit.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(edit)).errors.map((e) => e.field).sort()).toEqual([
      'name',
      'unitId',
    ]);
    const kept = await json<{ name: string }>(await admin.request('GET', `/api/officers/${officer.id}`));
    expect(kept.name).toBe(officer.name);
    const cleared = await admin.request('PUT', `/api/officers/${officer.id}`, { mobile: null });
    expect(cleared.status).toBe(200);
  });

  it('stores a mobile number given with +86 and full-width digits in its one canonical form', async () => {
    const created = await admin.request('POST', '/api/officers', {
      badgeNo: '651010',
      name: '刘洋',
      unitId: stationId,
      mobile: '+86 １３８ 0013 8000',
    });
    expect(created.status).toBe(201);
    expect(await json<{ mobile: string }>(created)).toMatchObject({ mobile: '13800138000' });
  });

  it('answers 409 for a taken badge number and names the officer who has it', async () => {
    const duplicate = await admin.request('POST', '/api/officers', {
      badgeNo: '651001',
      name: '重复',
      unitId: stationId,
    });
    expect(duplicate.status).toBe(409);
    const body = await json<{ message: string; errors: { field: string }[] }>(duplicate);
    expect(body.message).toContain('张伟');
    expect(body.errors[0].field).toBe('badgeNo');
  });

  it('keeps the unit tree sound: no cycles, no deleting a unit in use', async () => {
    const cycle = await admin.request('PUT', `/api/units/${rootId}`, { parentId: stationId });
    expect(cycle.status).toBe(400);
    const inUse = await admin.request('DELETE', `/api/units/${stationId}`);
    expect(inUse.status).toBe(409);
    expect(await json<{ message: string }>(inUse)).toMatchObject({
      message: expect.stringContaining('警员'),
    });
  });

  it('writes an audit row with before and after for each change, and refuses to rewrite it', async () => {
    const created = await json<{ id: number }>(
      await admin.request('POST', '/api/officers', { badgeNo: '651020', name: '陈静', unitId: stationId }),
    );
    await admin.request('PUT', `/api/officers/${created.id}`, { id: created.id, status: 'transferred' });
    await admin.request('DELETE', `/api/officers/${created.id}`);
    const filter = encodeURIComponent(
      JSON.stringify({ resource: 'officers', resourceId: String(created.id) }),
    );
    const rows = await json<{ action: string; before: unknown; after: unknown; username: string }[]>(
      await (
        await auditadminOf(server)
      ).request('GET', `/api/audit-log?filter=${filter}&sort=${encodeURIComponent('["id","ASC"]')}`),
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[1]).toMatchObject({
      username: 'admin',
      before: { status: 'active' },
      after: { status: 'transferred' },
    });

    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    await expect(db.query('UPDATE audit_log SET action = $1', ['login'])).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/cannot be changed/);
    await db.end();
  });

  it('rolls back a change whose audit row cannot be written', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    await db.query(
      `ALTER TABLE audit_log ADD CONSTRAINT no_officer_rows CHECK (resource <> 'officers') NOT VALID`,
    );
    const failed = await admin.request('POST', '/api/officers', {
      badgeNo: '651030',
      name: '孙丽',
      unitId: stationId,
    });
    await db.query('ALTER TABLE audit_log DROP CONSTRAINT no_officer_rows');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM officers WHERE badge_no = '651030'`);
    await db.end();
    expect(failed.status).toBe(500);
    expect(rows[0].n).toBe(0);
  });

  it('shows an officer login only its own record: others answer 404 by id, by filter and by search', async () => {
    const own = await json<{ id: number }[]>(
      await admin.request('GET', `/api/officers?filter=${encodeURIComponent('{"badgeNo":"651002"}')}`),
    );
    const other = await json<{ id: number }[]>(
      await admin.request('GET', `/api/officers?filter=${encodeURIComponent('{"badgeNo":"651003"}')}`),
    );
    const clients = await clientsByRole(server, own[0].id);
    const officer = clients.officer;
    expect((await officer.request('GET', `/api/officers/${own[0].id}`)).status).toBe(200);
    expect((await officer.request('GET', `/api/officers/${other[0].id}`)).status).toBe(404);
    const byFilter = await officer.request(
      'GET',
      `/api/officers?filter=${encodeURIComponent(JSON.stringify({ id: [other[0].id] }))}`,
    );
    expect(await json<unknown[]>(byFilter)).toEqual([]);
    const all = await json<{ id: number }[]>(
      await officer.request('GET', `/api/officers?filter=${encodeURIComponent('{"q":"张"}')}`),
    );
    expect(all.every((o) => o.id === own[0].id)).toBe(true);
    expect(
      (
        await clients.auditor.request('POST', '/api/officers', {
          badgeNo: '651099',
          name: '周强',
          unitId: stationId,
        })
      ).status,
    ).toBe(403);
  }, 30_000);
});
