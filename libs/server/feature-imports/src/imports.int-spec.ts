import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { luhnCheckDigit } from '@fleet/domain/identifiers';
import type { AlertDto, BulkImportDto } from '@fleet/shared/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { Client } from 'pg';
import { WorkerModule } from '../../../../apps/worker/src/worker.module';
import {
  ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { AlertsRunner } from './alerts/alerts-runner';
import { IMPORT_BATCH_ROWS, ImportRunner } from './imports/import-runner';

const SAMPLES = resolve(__dirname, '../../../../../shared/samples');
const sample = (name: string) => readFileSync(resolve(SAMPLES, name));
const validImei = (prefix14: string) => `${prefix14}${luhnCheckDigit(prefix14)}`;

describe('bulk imports, exports and alerts', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let admin: ApiClient;
  let token: string;
  let db: Client;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const count = async (sql: string): Promise<number> => (await db.query(sql)).rows[0].n as number;

  async function upload(kind: string, content: Buffer, fileName: string, encoding?: string) {
    const form = new FormData();
    form.append('kind', kind);
    if (encoding) form.append('encoding', encoding);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return fetch(`${server.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  }

  async function importFile(kind: string, content: Buffer, fileName: string, encoding?: string) {
    const response = await upload(kind, content, fileName, encoding);
    expect(response.status).toBe(202);
    const { id } = await json<BulkImportDto>(response);
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const current = await json<BulkImportDto>(await admin.request('GET', `/api/imports/${id}`));
      if (current.status === 'succeeded' || current.status === 'failed') return current;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  }

  const samples = [
    ['units', 'units.csv', 8],
    ['officers', 'officers.csv', 60],
    ['devices', 'devices.csv', 60],
    ['sim_cards', 'sims.csv', 60],
  ] as const;

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    admin = new ApiClient(server.baseUrl);
    token = (
      await json<{ accessToken: string }>(await admin.login(server.admin.username, server.admin.password))
    ).accessToken;
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    // APN profiles come from apn-profiles.csv, written directly: they are not an import kind.
    const [, ...apns] = Papa.parse<string[]>(
      sample('apn-profiles.csv')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      {
        skipEmptyLines: true,
      },
    ).data;
    for (const [name, apn, description] of apns) {
      await db.query('INSERT INTO apn_profiles (name, apn, description) VALUES ($1, $2, $3)', [
        name,
        apn,
        description,
      ]);
    }
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await server?.stop();
  });

  it('imports the sample units, officers, devices and SIMs with their derived fields and installations', async () => {
    for (const [kind, file, rows] of samples) {
      const done = await importFile(kind, sample(file), file);
      expect(done).toMatchObject({
        status: 'succeeded',
        format: 'csv',
        encoding: 'utf-8',
        rowsTotal: rows,
        rowsDone: rows,
        rowsCreated: rows,
        rowsRejected: 0,
      });
    }
    expect(await count(`SELECT count(*)::int n FROM units WHERE parent_id IS NULL`)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int n FROM units u JOIN units p ON p.id = u.parent_id WHERE p.name = '且末县公安局'`,
      ),
    ).toBe(7);
    const device = (
      await db.query(
        `SELECT id, warranty_end_on::text, received_on::text, dual_system FROM devices WHERE imei1 = '867912060622493'`,
      )
    ).rows[0];
    expect(device).toMatchObject({
      warranty_end_on: '2028-11-20',
      received_on: '2025-11-20',
      dual_system: true,
    });
    const sim = (
      await db.query(
        `SELECT device_id, slot, status, plan_ends_on::text, msisdn FROM sim_cards WHERE iccid = '89860000000000000001'`,
      )
    ).rows[0];
    expect(sim).toMatchObject({
      device_id: device.id,
      slot: 1,
      status: 'active',
      plan_ends_on: '2028-10-31',
      msisdn: '14780000000',
    });
    expect(await count(`SELECT count(*)::int n FROM sim_installations WHERE end_at IS NULL`)).toBe(60);
    expect(
      await count(`SELECT count(*)::int n FROM audit_log WHERE resource = 'devices' AND action = 'create'`),
    ).toBe(60);

    const list = await admin.request(
      'GET',
      `/api/imports?filter=${encodeURIComponent('{"kind":"devices"}')}`,
    );
    expect(list.headers.get('content-range')).toBe('imports 0-0/1');
  }, 120_000);

  it('changes nothing and writes no audit row when the same rows, also as GBK CSV or XLSX, come again', async () => {
    const auditBefore = await count(`SELECT count(*)::int n FROM audit_log WHERE resource <> 'imports'`);
    for (const [kind, file, rows] of samples) {
      expect(await importFile(kind, sample(file), file)).toMatchObject({
        status: 'succeeded',
        rowsUnchanged: rows,
        rowsCreated: 0,
        rowsUpdated: 0,
      });
    }
    const gbk = iconv.encode(
      sample('officers.csv')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      'gbk',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(await importFile('officers', gbk, 'officers-gbk.csv')).toMatchObject({
      status: 'succeeded',
      encoding: 'gb18030',
      rowsUnchanged: 60,
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('设备');
    const rows = Papa.parse<string[]>(
      sample('devices.csv')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      {
        skipEmptyLines: true,
      },
    ).data;
    rows.forEach((r) => sheet.addRow(r));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importFile('devices', xlsx, 'devices.xlsx')).toMatchObject({
      status: 'succeeded',
      format: 'xlsx',
      encoding: null,
      rowsUnchanged: 60,
    });
    expect(await count(`SELECT count(*)::int n FROM audit_log WHERE resource <> 'imports'`)).toBe(
      auditBefore,
    );
    expect(await count(`SELECT count(*)::int n FROM devices`)).toBe(60);
    expect(await count(`SELECT count(*)::int n FROM sim_installations`)).toBe(60);
  }, 120_000);

  it('rejects bad rows with row, column and reason, imports the rest, and serves them as a formula-safe CSV', async () => {
    const good = validImei('86791206999999');
    const csv = [
      '型号,IMEI1,IMEI2,序列号,收货日期,双系统',
      `Mate60,${good},,SN-NEW-1,2026-01-05,yes`,
      `Mate60,867912060622494,,SN-NEW-2,2026-01-05,yes`,
      `"=HYPERLINK(""http://evil"",""x"")",${validImei('86791206999998')},,SN-NEW-3,2026-02-30,no`,
      `Mate60,${validImei('86791206999997')},867912060622501,SN-NEW-4,2026-01-05,yes`,
    ].join('\r\n');
    const done = await importFile('devices', Buffer.from(csv), 'bad.csv');
    expect(done).toMatchObject({ status: 'succeeded', rowsTotal: 4, rowsCreated: 1, rowsRejected: 3 });
    expect(await count(`SELECT count(*)::int n FROM devices WHERE imei1 = '${good}'`)).toBe(1);
    expect(await count(`SELECT count(*)::int n FROM devices`)).toBe(61);

    const response = await admin.request('GET', `/api/imports/${done.id}/rejected.csv`);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = Papa.parse<string[]>(bytes.toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(header).toEqual([
      '型号',
      'IMEI1',
      'IMEI2',
      '序列号',
      '收货日期',
      '双系统',
      '行号',
      '出错列',
      '原因',
    ]);
    expect(lines.map((l) => [l[6], l[7]])).toEqual([
      ['3', 'IMEI1'],
      ['4', '收货日期'],
      ['5', 'IMEI2'],
    ]);
    expect(lines[0][8]).toContain('校验位');
    expect(lines[1][0]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(lines[2][8]).toContain('867912060622493');

    const en = new ApiClient(server.baseUrl, 'en').useToken(token);
    const enCsv = await (await en.request('GET', `/api/imports/${done.id}/rejected.csv`)).text();
    expect(enCsv).toContain('row,column,reason');
    expect(enCsv).toContain('check digit');
  }, 60_000);

  it('fails a file that is not a roster of the chosen kind as a whole and changes nothing', async () => {
    const before = await count(`SELECT count(*)::int n FROM audit_log WHERE resource <> 'imports'`);
    const summary = await importFile('devices', sample('usage-summary-2025-12.csv'), 'usage.csv');
    expect(summary).toMatchObject({ status: 'failed', rowsDone: 0, rowsCreated: 0 });
    expect(summary.error).toContain('文件不是设备清单');
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const binary = await importFile('officers', junk, 'junk.csv');
    expect(binary).toMatchObject({ status: 'failed' });
    expect(await importFile('units', Buffer.from('\uFEFF名称,上级单位\r\n'), 'empty.csv')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('没有'),
    });
    expect(await count(`SELECT count(*)::int n FROM audit_log WHERE resource <> 'imports'`)).toBe(before);

    const refused = await upload('phones', sample('units.csv'), 'units.csv');
    expect(refused.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(refused)).errors[0].field).toBe('kind');
  }, 60_000);

  it('exports whole lists as CSV and XLSX in the caller language, formula-safe, to the roles allowed', async () => {
    await admin.request('POST', '/api/units', { name: '=1+2' });
    const csv = await admin.request(
      'GET',
      `/api/exports/units?format=csv&sort=${encodeURIComponent('["id","ASC"]')}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="units-.*\.csv"/);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF编号,名称,上级单位编号,上级单位\r\n')).toBe(true);
    expect(text).toContain(`,'=1+2,`);
    expect(text.trim().split('\r\n')).toHaveLength(1 + 9);

    const en = new ApiClient(server.baseUrl, 'en').useToken(token);
    const xlsx = await en.request(
      'GET',
      `/api/exports/officers?format=xlsx&filter=${encodeURIComponent('{"q":"651"}')}`,
    );
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'id',
      'badge number',
      'name',
      'unit id',
      'unit',
      'mobile number',
      'status',
    ]);
    expect(sheet.rowCount).toBe(1 + 60);
    // Each export is in the audit log: who, which list, which filter, how many rows.
    const exported = await db.query(
      `SELECT username, after FROM audit_log WHERE action = 'export' AND resource = 'officers' ORDER BY id`,
    );
    expect(exported.rows).toEqual([
      { username: 'admin', after: { format: 'xlsx', sort: null, filter: '{"q":"651"}', rows: 60 } },
    ]);

    const officerId = (await db.query(`SELECT id FROM officers WHERE badge_no = '651003'`)).rows[0]
      .id as number;
    const clients = await clientsByRole(server, officerId);
    expect((await clients.officer.request('GET', '/api/exports/users')).status).toBe(403);
    expect((await clients.repair_intake.request('GET', '/api/exports/audit-log')).status).toBe(403);
    expect((await clients.auditor.request('GET', '/api/exports/audit-log?format=xlsx')).status).toBe(403);
    expect((await clients.auditadmin.request('GET', '/api/exports/audit-log?format=xlsx')).status).toBe(200);
    expect((await clients.secadmin.request('GET', '/api/exports/users')).status).toBe(200);
    expect((await clients.secadmin.request('GET', '/api/exports/devices')).status).toBe(403);
    expect((await admin.request('GET', '/api/exports/nothing')).status).toBe(404);
    expect((await admin.request('GET', '/api/exports/units?format=pdf')).status).toBe(400);
    const own = await (await clients.officer.request('GET', '/api/exports/officers')).text();
    expect(own.trim().split('\r\n')).toHaveLength(2);
    expect(own).toContain('651003');
  }, 60_000);

  it('computes a day of alerts in the worker, and rerunning the day changes nothing', async () => {
    await db.query(`UPDATE devices SET status = 'lost' WHERE imei1 = '867912060622493'`);
    await db.query(
      `UPDATE sim_cards SET real_name_registered_on = NULL WHERE iccid = '89860000000000000001'`,
    );
    const queued = await admin.request('POST', '/api/alerts/recompute', { asOf: '2028-10-21' });
    expect(queued.status).toBe(202);
    const filter = `filter=${encodeURIComponent('{"asOf":"2028-10-21"}')}&range=${encodeURIComponent('[0,499]')}`;
    let alerts: AlertDto[] = [];
    for (const until = Date.now() + 20_000; !alerts.length && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 200));
      alerts = await json<AlertDto[]>(await admin.request('GET', `/api/alerts?${filter}`));
    }
    const byKind = (kind: string) => alerts.filter((a) => a.kind === kind);
    // The 60 sample devices were received 2025-11-20 (warranty ends 2028-11-20, 30 days ahead); the one
    // from the bad-rows file 2026-01-05 (ends 2029-01-05, 76 days ahead: the 90-day threshold).
    expect(byKind('warranty_ending').filter((a) => a.daysLeft === 30)).toHaveLength(60);
    expect(byKind('warranty_ending').filter((a) => a.daysLeft === 90)).toMatchObject([
      { dueOn: '2029-01-05', details: { days: 76 } },
    ]);
    expect(byKind('warranty_ending')[0]).toMatchObject({
      dueOn: '2028-11-20',
      daysLeft: 30,
      details: { days: 30 },
    });
    expect(byKind('device_lost')).toHaveLength(1);
    expect(byKind('sim_not_real_name')).toMatchObject([{ details: { iccid: '89860000000000000001' } }]);
    expect(byKind('sim_not_active')).toHaveLength(0);

    const rowsBefore = (await db.query(`SELECT * FROM alerts ORDER BY id`)).rows;
    await worker.get(AlertsRunner).compute('2028-10-21');
    expect((await db.query(`SELECT * FROM alerts ORDER BY id`)).rows).toEqual(rowsBefore);
  }, 60_000);

  it('resumes a crashed import after its last committed batch, counting every row exactly once', async () => {
    const rows = Array.from(
      { length: 2 * IMPORT_BATCH_ROWS + 50 },
      (_, i) => `${659000 + i},警员${i},交警大队`,
    );
    mkdirSync(join(process.env.DATA_DIR!, 'imports'), { recursive: true });
    writeFileSync(
      join(process.env.DATA_DIR!, 'imports', 'resume.csv'),
      ['警号,姓名,单位', ...rows].join('\n'),
    );
    const { id } = (
      await db.query(
        `INSERT INTO bulk_imports (kind, file_name, sha256, format, encoding, stored_path)
         VALUES ('officers', 'resume.csv', repeat('0', 64), 'csv', 'utf-8', 'imports/resume.csv') RETURNING id`,
      )
    ).rows[0] as { id: number };
    const officersBefore = await count(`SELECT count(*)::int n FROM officers`);
    // The second batch's commit fails, as when the database goes away mid-import.
    await db.query(
      `ALTER TABLE bulk_imports ADD CONSTRAINT crash CHECK (rows_done <= ${IMPORT_BATCH_ROWS}) NOT VALID`,
    );
    const runner = worker.get(ImportRunner);
    await expect(runner.run(id, { lastAttempt: false })).rejects.toThrow(/crash/);
    await db.query(`ALTER TABLE bulk_imports DROP CONSTRAINT crash`);
    expect(await count(`SELECT rows_done n FROM bulk_imports WHERE id = ${id}`)).toBe(IMPORT_BATCH_ROWS);
    expect(await count(`SELECT count(*)::int n FROM officers`)).toBe(officersBefore + IMPORT_BATCH_ROWS);

    const done = await runner.run(id, { lastAttempt: true });
    expect(done).toMatchObject({
      status: 'succeeded',
      rowsTotal: rows.length,
      rowsDone: rows.length,
      rowsCreated: rows.length,
    });
    expect(await count(`SELECT count(*)::int n FROM officers`)).toBe(officersBefore + rows.length);
    expect(
      await count(
        `SELECT count(*)::int n FROM audit_log WHERE resource = 'officers' AND after->>'badgeNo' LIKE '659%'`,
      ),
    ).toBe(rows.length);
  }, 60_000);
});
