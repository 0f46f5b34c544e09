import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { startTestServer, type TestServer } from '../../../tools/test/test-server';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: { field: string; reason: string }[];
}

/** Issue 12, hard edges: what the edge refuses, with the field named, before anything is stored. */
describe('hard edges', () => {
  let server: TestServer;
  let db: Client;
  let token: string;
  let unitId: number;

  const send = async (
    method: string,
    url: string,
    payload?: unknown,
    { lang = 'zh-CN', raw = false, anonymous = false } = {},
  ) => {
    const response = await server.app.inject({
      method: method as 'GET',
      url,
      payload: payload === undefined ? undefined : raw ? (payload as string) : JSON.stringify(payload),
      headers: {
        'accept-language': lang,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...(anonymous ? {} : { authorization: `Bearer ${token}` }),
      },
    });
    return { status: response.statusCode, body: response.json<ErrorBody>() };
  };
  const count = async (table: string) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    // Small XLSX bounds, so the bombs below stay small too.
    server = await startTestServer({ XLSX_MAX_UNZIPPED_BYTES: String(1024 * 1024), XLSX_MAX_CELLS: '1000' });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: server.admin,
    });
    token = login.json<{ accessToken: string }>().accessToken;
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    unitId = ((await send('POST', '/api/units', { name: '测试局' })).body as unknown as { id: number }).id;
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  it.each(['+1', '0x1', '01', '1e3', '2147483648', '-1', '0', '99999999999999999999'])(
    'refuses the path id %s with 400 naming id, in zh and en',
    async (id) => {
      const zh = await send('GET', `/api/units/${id}`);
      expect(zh.status).toBe(400);
      expect(zh.body.errors).toEqual([{ field: 'id', reason: expect.stringContaining('2147483647') }]);
      const en = await send('GET', `/api/units/${id}`, undefined, { lang: 'en' });
      expect(en.body.errors?.[0].reason).toMatch(/^id must be a whole number from 1 to 2147483647/);
    },
  );

  it.each(['1e1', '0x10', '+5', '05', ' 7'])('refuses the query number %j, and reads 12', async (months) => {
    const url = (m: string) => `/api/repair-reports/repeated?months=${encodeURIComponent(m)}`;
    const refused = await send('GET', url(months));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'months', reason: expect.stringContaining('十进制整数') }]);
    expect((await send('GET', url('12'))).status).toBe(200);
  });

  it('still reads a canonical id', async () => {
    expect((await send('GET', `/api/units/${unitId}`)).status).toBe(200);
  });

  it.each([
    ['a NUL', 'a\u0000b', /空字符/, /NUL/],
    ['a lone surrogate', 'x\ud800', /代理项/, /unpaired UTF-16 surrogate/],
  ])('refuses a text with %s, naming the field, and stores nothing', async (_what, name, zh, en) => {
    const before = await count('units');
    const refused = await send('POST', '/api/units', { name });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'name', reason: expect.stringMatching(zh) }]);
    const inEnglish = await send('POST', '/api/units', { name }, { lang: 'en' });
    expect(inEnglish.body.errors?.[0].reason).toMatch(en);
    expect(await count('units')).toBe(before);
  });

  it('refuses a NUL in an anonymous login and in a list search, never a 500', async () => {
    const login = await send(
      'POST',
      '/api/auth/login',
      { username: 'a\u0000', password: 'x' },
      { anonymous: true },
    );
    expect(login.status).toBe(400);
    expect(login.body.errors?.[0].field).toBe('username');
    const list = await send('GET', `/api/units?filter=${encodeURIComponent('{"q":"a\\u0000"}')}`);
    expect(list.status).toBe(400);
    expect(list.body.errors?.[0].field).toBe('filter.q');
  });

  it.each([2147483648, -2147483649, 1e308, 2 ** 53])(
    'refuses the number %d for an int4 column with 400 naming it, storing nothing',
    async (value) => {
      const before = await count('officers');
      const refused = await send('POST', '/api/officers', { badgeNo: '650001', name: '王芳', unitId: value });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['unitId']);
      expect(await count('officers')).toBe(before);
    },
  );

  it.each(['{"id":[1e308]}', '{"id":[2147483648]}', '{"id":["01"]}', '{"id":1e400}'])(
    'refuses the list filter %s',
    async (filter) => {
      const refused = await send('GET', `/api/units?filter=${encodeURIComponent(filter)}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0].field).toMatch(/^filter/);
    },
  );

  it('refuses a body nested 5,000 deep (anonymously too) and one above the size limit', async () => {
    const deep = await send('POST', '/api/auth/login', `${'['.repeat(5000)}${']'.repeat(5000)}`, {
      raw: true,
      anonymous: true,
    });
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual([{ field: 'body', reason: expect.stringContaining('32') }]);
    const big = await send('POST', '/api/units', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const broken = await send('POST', '/api/units', '{"name":', { raw: true });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([{ field: 'body', reason: '请求体不是有效的 JSON' }]);
  });

  it('refuses null for a required field on update and keeps the record', async () => {
    const refused = await send('PUT', `/api/units/${unitId}`, { name: null });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'name', reason: '名称为必填项' }]);
    expect((await db.query('SELECT name FROM units WHERE id = $1', [unitId])).rows[0]).toEqual({
      name: '测试局',
    });
  });

  it('takes concurrent first writes of a lease-end checklist in turn: all 200, one checklist holding one of the writes', async () => {
    const fixtures = await InventoryFixtures.connect(server.databaseUrl);
    const device = await fixtures.device();
    await fixtures.close();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send('PUT', `/api/lease-end/checks/${device.id}`, { condition: `外观完好 ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const { rows } = await db.query<{ condition: string }>(
      'SELECT condition FROM lease_end_checks WHERE device_id = $1',
      [device.id],
    );
    expect(rows).toHaveLength(1);
    expect(answers.map((a) => (a.body as unknown as { condition: string }).condition)).toContain(
      rows[0].condition,
    );
  });

  describe('XLSX uploads bounded before parsing', () => {
    const upload = async (url: string, content: Buffer) => {
      const response = await server.app.inject({
        method: 'POST',
        url,
        payload: content,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      });
      return { status: response.statusCode, body: response.json<ErrorBody>() };
    };
    const usageFiles = async () =>
      (await readdir(join(server.app.get<AppConfig>(APP_CONFIG).dataDir, 'usage')).catch(() => [])).length;

    it('refuses a usage XLSX that expands past XLSX_MAX_UNZIPPED_BYTES, storing nothing', async () => {
      // 150 cells of 20,000 letters each (3 MB, each within Excel's cell limit): a few kB zipped.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('详单');
      for (let r = 0; r < 150; r++) sheet.addRow([`${r}${'a'.repeat(20_000)}`]);
      const bomb = Buffer.from(await workbook.xlsx.writeBuffer());
      expect(bomb.length).toBeLessThan(20_000);
      const [importsBefore, filesBefore] = [await count('usage_imports'), await usageFiles()];
      const refused = await upload('/api/usage-imports?fileName=bomb.xlsx', bomb);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: 'file', reason: expect.stringContaining('解压后超过 1 MB') },
      ]);
      expect([await count('usage_imports'), await usageFiles()]).toEqual([importsBefore, filesBefore]);
    });

    it('refuses a roster XLSX holding more cells than XLSX_MAX_CELLS', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('units');
      for (let r = 0; r < 1001; r++) sheet.addRow([`单位${r}`]);
      const many = Buffer.from(await workbook.xlsx.writeBuffer());
      const before = await count('bulk_imports');
      const refused = await upload('/api/imports?fileName=units.xlsx&kind=units', many);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: 'file', reason: expect.stringContaining('单元格超过 1000 个') },
      ]);
      expect(await count('bulk_imports')).toBe(before);
    });
  });

  it.each([
    ['a file name', 'bad\u0000.csv', 'detail', 'fileName'],
    ['a field', 'ok.csv', 'det\u0000ail', 'kind'],
  ])('refuses NUL in %s of a multipart upload, storing nothing', async (_what, fileName, kind, field) => {
    const boundary = 'fuzzboundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
      '账期,手机号码,主叫分钟,国内流量MB,定向流量MB,短信条数\r\n202512,14780000001,1,1,1,1\r\n',
      `\r\n--${boundary}--\r\n`,
    ].join('');
    const before = await count('usage_imports');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/usage-imports',
      payload: body,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().errors?.[0].field).toBe(field);
    expect(await count('usage_imports')).toBe(before);
  });
});
