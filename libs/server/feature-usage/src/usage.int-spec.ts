import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { Client } from 'pg';
import { WorkerModule } from '../../../../apps/worker/src/worker.module';
import { ApiClient, startTestServer, type TestServer } from '../../../../tools/test/test-server';
import {
  expectedDetailTotals,
  insertSampleSims,
  rowsOf,
  sample,
} from '../../../../tools/test/usage-fixtures';
import type { UsageImportDto } from './usage-imports.service';
import { UsageRunner } from './usage-runner';

describe('usage imports', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let admin: ApiClient;
  let token: string;
  let db: Client;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  async function upload(content: Buffer, fileName: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return fetch(`${server.baseUrl}/api/usage-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  }

  async function finished(id: number): Promise<UsageImportDto> {
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const current = await json<UsageImportDto>(await admin.request('GET', `/api/usage-imports/${id}`));
      if (current.status === 'succeeded' || current.status === 'failed') return current;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`usage import ${id} did not finish`);
  }

  async function importFile(content: Buffer, fileName: string, fields: Record<string, string> = {}) {
    const response = await upload(content, fileName, fields);
    if (response.status !== 202) throw new Error(`${response.status}: ${await response.text()}`);
    return finished((await json<UsageImportDto>(response)).id);
  }

  async function monthly(period: string) {
    const rows = (
      await db.query(
        `SELECT s.msisdn, m.voice_min, m.sms, m.national_kb::int, m.apn_kb::int, m.source, m.outside_plan, m.carrier_overage_fen
           FROM monthly_usage m JOIN sim_cards s ON s.id = m.sim_id WHERE m.period = $1 ORDER BY s.msisdn`,
        [period],
      )
    ).rows as {
      msisdn: string;
      voice_min: number;
      sms: number;
      national_kb: number;
      apn_kb: number;
      source: string;
      outside_plan: boolean;
      carrier_overage_fen: number | null;
    }[];
    return new Map(rows.map((r) => [r.msisdn, r]));
  }

  const detailText = iconv.decode(sample('usage-detail-2026-01.gbk.csv'), 'gb18030');
  const detailRows = rowsOf(detailText);

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
    // The sample SIMs (sims.csv) and their APN profile, written directly: this test is about usage.
    await insertSampleSims(db);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await server?.stop();
  });

  let firstDetail: UsageImportDto;

  it('imports the GBK detail sample with kind and encoding detected, and counts it per §3.4', async () => {
    firstDetail = await importFile(sample('usage-detail-2026-01.gbk.csv'), 'usage-detail-2026-01.gbk.csv');
    expect(firstDetail).toMatchObject({
      status: 'succeeded',
      kind: 'detail',
      format: 'csv',
      encoding: 'gb18030',
      period: '2026-01',
      rowsTotal: 1200,
      rowsDone: 1200,
      rowsAccepted: 1200,
      rowsRejected: 0,
      rowsDuplicate: 0,
    });
    expect(firstDetail.rowsPerSecond).toBeGreaterThan(0);
    expect(
      (
        await db.query(`SELECT count(*)::int n FROM usage_records_2026_01 WHERE import_id = $1`, [
          firstDetail.id,
        ])
      ).rows[0].n,
    ).toBe(1200);

    const expected = expectedDetailTotals(detailRows);
    const got = await monthly('2026-01');
    expect(got.size).toBe(expected.size);
    for (const [msisdn, totals] of expected) {
      expect({ msisdn, ...got.get(msisdn) }).toMatchObject({
        msisdn,
        voice_min: totals.voiceMin,
        sms: totals.sms,
        national_kb: totals.nationalKb,
        apn_kb: totals.apnKb,
        source: 'detail',
        outside_plan: false,
      });
    }
    // One SIM checked by hand from the file: outgoing calls rounded up per call, sent SMS only.
    const mine = detailRows.filter((r) => r['手机号码'] === '14780000003');
    const minutes = mine
      .filter((r) => r['记录类型'] === '语音' && r['方向'] === '主叫')
      .reduce((sum, r) => sum + Math.ceil(Number(r['时长秒']) / 60), 0);
    expect(got.get('14780000003')!.voice_min).toBe(minutes);
    expect(got.get('14780000003')!.sms).toBe(
      mine.filter((r) => r['记录类型'] === '短信' && r['方向'] === '发送').length,
    );
  }, 60_000);

  it('answers 409 naming the first import when the same file comes again, and keeps no copy', async () => {
    const response = await upload(sample('usage-detail-2026-01.gbk.csv'), 'again.csv');
    expect(response.status).toBe(409);
    expect((await json<{ message: string }>(response)).message).toContain(`#${firstDetail.id}`);
    expect((await db.query(`SELECT count(*)::int n FROM usage_imports`)).rows[0].n).toBe(1);
  });

  it('counts the same records in another file once (UTF-8 copy: rowsDuplicate)', async () => {
    const before = await monthly('2026-01');
    const copy = await importFile(Buffer.from(`\uFEFF${detailText}`, 'utf8'), 'copy-utf8.csv');
    expect(copy).toMatchObject({
      status: 'succeeded',
      encoding: 'utf-8',
      rowsAccepted: 1200,
      rowsDuplicate: 1200,
    });
    const after = await monthly('2026-01');
    for (const [msisdn, row] of before) expect(after.get(msisdn)).toMatchObject({ ...row });
  }, 60_000);

  it.each([
    ['UTF-16LE with its BOM', () => Buffer.from(`\uFEFF${detailText}`, 'utf16le'), 'utf-16le'],
    ['UTF-16LE without a BOM', () => Buffer.from(detailText, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with its BOM', () => Buffer.from(`\uFEFF${detailText}`, 'utf16le').swap16(), 'utf-16be'],
  ])(
    "recognises %s (Excel's Unicode text) and reads the same records",
    async (_what, content, encoding) => {
      const copy = await importFile(content(), `copy-${encoding}-${Math.random()}.csv`);
      expect(copy).toMatchObject({ status: 'succeeded', encoding, rowsAccepted: 1200, rowsDuplicate: 1200 });
    },
    60_000,
  );

  it('counts a record repeated within one file once, whatever its form (fast and general reader), and quoted lines whole', async () => {
    const lines = [
      'APN,手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB', // columns in another order
      ',14780000004,语音,2026-04-01 08:00:00,主叫,138****0000,61,', // 2: 2 min
      ',14780000004,语音,2026-04-01 08:00:00,主叫,138****0000,61,', // 3: the same call again
      ',14780000004,语音,2026-04-01T00:00:00Z,主叫,138****0000,61,', // 4: the same moment in ISO form
      ',"14780000004",语音,2026-04-01 08:00:00,主叫,138****0000,61,', // 5: quoted, the same again
      ',14780000004,语音,2026-04-01 08:00:00,主叫,138****0001,61,', // 6: another counterpart: 2 min
      ',14780000004,语音,2026-04-02 09:00:00,主叫,"138\n0002",1,', // 7: a line break inside quotes: 1 min
      ',14780000004,短信,2026-04-02 09:00:00,发送,139****0000,,', // 8: its row number counts the record once
      'XJGA.XJ,14780000004,DATA,2026-04-03 09:00:00,,,,1000', // 9: APN data (case ignored)
      'cmnet,14780000004,数据,2026-04-03 10:00:00,,,,500', // 10: another APN: national
      'cmnet,14780000004,数据,2026-04-03 10:00:00,,,,500', // 11: repeated: counted once
      'cmnet,14780000005,数据,2026-04-30 23:59:59,,,,7', // 12: the last second of April in UTC+8
      ',14780000005,短信,2026-04-30T16:00:00Z,发送,1,,', // 13: 2026-05-01 00:00 in UTC+8: outside April
    ];
    const done = await importFile(Buffer.from(lines.join('\r\n'), 'utf8'), 'repeats.csv');
    expect(done).toMatchObject({ status: 'succeeded', rowsDone: 12, rowsAccepted: 11, rowsRejected: 1 });
    const rejected = (
      await db.query(`SELECT row_no, "column" FROM usage_import_rejections WHERE import_id = $1`, [done.id])
    ).rows;
    expect(rejected).toEqual([{ row_no: 13, column: '开始时间' }]);
    const april = await monthly('2026-04');
    expect(april.get('14780000004')).toMatchObject({ voice_min: 5, sms: 1, apn_kb: 1000, national_kb: 500 });
    expect(april.get('14780000005')).toMatchObject({ voice_min: 0, sms: 0, national_kb: 7, apn_kb: 0 });
    const counterpart = (
      await db.query(`SELECT counterpart FROM usage_records WHERE import_id = $1 AND row_no = 7`, [done.id])
    ).rows[0] as { counterpart: string };
    expect(counterpart.counterpart).toBe('138\n0002');
    // The stored values, both readers: the moment (local and ISO forms alike), numbers, texts, nulls.
    const stored = (
      await db.query(
        `SELECT row_no, start_at, record_type, direction, counterpart, duration_s, volume_kb::int, apn, period
           FROM usage_records WHERE import_id = $1 AND row_no IN (2, 4, 9) ORDER BY row_no`,
        [done.id],
      )
    ).rows;
    const call = { record_type: 'V', direction: 'O', counterpart: '138****0000', duration_s: 61 };
    expect(stored).toEqual([
      {
        row_no: 2,
        start_at: new Date('2026-04-01T00:00:00Z'),
        ...call,
        volume_kb: null,
        apn: null,
        period: '2026-04',
      },
      {
        row_no: 4,
        start_at: new Date('2026-04-01T00:00:00Z'),
        ...call,
        volume_kb: null,
        apn: null,
        period: '2026-04',
      },
      {
        row_no: 9,
        start_at: new Date('2026-04-03T01:00:00Z'),
        record_type: 'D',
        direction: null,
        counterpart: null,
        duration_s: null,
        volume_kb: 1000,
        apn: 'XJGA.XJ',
        period: '2026-04',
      },
    ]);
  }, 60_000);

  it('takes the file as the request body too (no multipart): name and fields in the query', async () => {
    const body = Buffer.from(
      '手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB,APN\n14780000006,语音,2026-06-01 08:00:00,主叫,1,59,,\n',
    );
    const post = (query: string, type = 'text/csv') =>
      fetch(`${server.baseUrl}/api/usage-imports${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const response = await post('?fileName=%E5%85%AD%E6%9C%88.csv&kind=detail&encoding=utf-8');
    expect(response.status).toBe(202);
    const done = await finished((await json<UsageImportDto>(response)).id);
    expect(done).toMatchObject({
      fileName: '六月.csv',
      kind: 'detail',
      status: 'succeeded',
      rowsAccepted: 1,
    });
    expect((await monthly('2026-06')).get('14780000006')).toMatchObject({ voice_min: 1 });
    // The same bytes again, as octet-stream this time: the same file.
    expect((await post('', 'application/octet-stream')).status).toBe(409);
    const empty = await fetch(`${server.baseUrl}/api/usage-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(0),
    });
    expect(empty.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(empty)).errors[0].field).toBe('file');
  }, 60_000);

  it('imports the UTF-8 summary sample: MB to KB exactly', async () => {
    const done = await importFile(sample('usage-summary-2025-12.csv'), 'usage-summary-2025-12.csv');
    expect(done).toMatchObject({ status: 'succeeded', kind: 'summary', period: '2025-12', rowsRejected: 0 });
    expect(done.rowsAccepted).toBe(60);
    const got = await monthly('2025-12');
    expect(got.get('14780000000')).toMatchObject({
      voice_min: 435,
      sms: 79,
      national_kb: 12133304, // 11848.93 MB × 1024 = 12133304.32
      apn_kb: 20777687, // 20290.71 MB × 1024 = 20777687.04
      source: 'summary',
      outside_plan: false,
    });
    const rows = rowsOf(sample('usage-summary-2025-12.csv').toString('utf8'));
    const hundredths = (mb: string) => Number(mb.replace('.', '').padEnd(mb.split('.')[0].length + 2, '0'));
    for (const r of rows) {
      const kb = Math.floor((hundredths(r['国内流量MB']) * 1024 + 50) / 100);
      expect(got.get(r['手机号码'])!.national_kb).toBe(kb);
    }
  }, 60_000);

  it('imports an XLSX detail file; a month before the plan is flagged outside the plan', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('详单');
    sheet.addRow(['手机号码', '记录类型', '开始时间', '方向', '对方号码', '时长秒', '流量KB', 'APN']);
    sheet.addRow(['14780000001', '语音', '2025-10-31 23:59:59', '主叫', '13800000000', 61, null, null]);
    sheet.addRow(['14780000001', '数据', '2025-10-01 00:00:00', null, null, null, 2048, ' XJGA.XJ ']);
    sheet.addRow(['14780000001', '数据', '2025-10-15 12:00:00', null, null, null, 100, 'cmnet']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await importFile(content, 'detail.xlsx');
    expect(done).toMatchObject({ status: 'succeeded', format: 'xlsx', kind: 'detail', period: '2025-10' });
    expect(done.rowsAccepted).toBe(3);
    expect((await monthly('2025-10')).get('14780000001')).toMatchObject({
      voice_min: 2,
      apn_kb: 2048,
      national_kb: 100,
      outside_plan: true, // activated 2025-11-25
    });
  }, 60_000);

  it('rejects bad rows with row, column and reason, and serves them as CSV', async () => {
    const lines = [
      '手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB,APN',
      '14780000002,语音,2026-02-01 08:00:00,主叫,138****0000,61,,', // 2: ok, sets the period
      '19900000000,短信,2026-02-01 09:00:00,发送,138****0000,,,', // 3: unknown number
      '14780000002,语音,2026-02-01 10:00:00,主叫,138****0000,-5,,', // 4: negative
      '14780000002,语音,2026-03-01 00:00:00,主叫,138****0000,5,,', // 5: outside the period
      '14780000002,彩信,2026-02-02 10:00:00,发送,138****0000,,,', // 6: type
      '14780000002,短信,2026-02-30 10:00:00,发送,=cmd,,,', // 7: date; formula-looking cell
      `14780000002,短信,2026-02-03 10:00:00,发送,${'1'.repeat(100_000)},,,`, // 8: counterpart too long, not cut
    ];
    const done = await importFile(Buffer.from(lines.join('\r\n'), 'utf8'), 'bad.csv');
    expect(done).toMatchObject({ status: 'succeeded', rowsDone: 7, rowsAccepted: 1, rowsRejected: 6 });
    const rejections = (
      await db.query(
        `SELECT row_no, "column", reason_zh, reason_en FROM usage_import_rejections WHERE import_id = $1 ORDER BY row_no`,
        [done.id],
      )
    ).rows as { row_no: number; column: string; reason_zh: string; reason_en: string }[];
    expect(rejections.map((r) => [r.row_no, r.column])).toEqual([
      [3, '手机号码'],
      [4, '时长秒'],
      [5, '开始时间'],
      [6, '记录类型'],
      [7, '开始时间'],
      [8, '对方号码'],
    ]);
    expect(rejections[0].reason_en).toMatch(/not one of our SIM/);
    expect(rejections[5].reason_zh).toBe('不能超过 32 个字符（此处 100000 个）');
    expect(rejections[1].reason_zh).toBe('不能为负数');
    expect(rejections[2].reason_en).toMatch(/outside the file's period 2026-02/);

    const csv = await admin.request('GET', `/api/usage-imports/${done.id}/rejected.csv`);
    expect(csv.status).toBe(200);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(header).toEqual([
      '手机号码',
      '记录类型',
      '开始时间',
      '方向',
      '对方号码',
      '时长秒',
      '流量KB',
      'APN',
      '行号',
      '出错列',
      '原因',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[0].slice(-3)).toEqual(['3', '手机号码', '号码不是本局的 SIM 卡']);
    expect(rows[4][4]).toBe("'=cmd"); // formula-safe
    expect((await monthly('2026-02')).get('14780000002')).toMatchObject({ voice_min: 2 });
  }, 60_000);

  it('refuses a CSV that mixes UTF-8 and GBK at upload, naming the line where it turns', async () => {
    const lines = detailText.split('\n');
    const mixed = Buffer.concat([
      Buffer.from(`${lines.slice(0, 50).join('\n')}\n`, 'utf8'),
      iconv.encode(lines.slice(50, 100).join('\n'), 'gb18030'),
    ]);
    const before = (await db.query(`SELECT count(*)::int n FROM usage_imports`)).rows[0].n as number;
    const refused = await upload(mixed, 'mixed.csv');
    expect(refused.status).toBe(400);
    expect((await json<{ errors: { field: string; reason: string }[] }>(refused)).errors).toEqual([
      { field: 'file', reason: expect.stringContaining('混用了 UTF-8 和 GBK 两种编码：第 51 行是 GBK') },
    ]);
    expect((await db.query(`SELECT count(*)::int n FROM usage_imports`)).rows[0].n).toBe(before);
  });

  it('fails a file that is not a usage file as a whole, with one message, changing nothing', async () => {
    const totalsBefore = (await db.query(`SELECT * FROM monthly_usage ORDER BY id`)).rows;
    const junk = await upload(Buffer.from([0, 1, 2, 3, 255, 254, 0, 10, 13, 0]), 'junk.bin');
    expect(junk.status).toBe(400);
    expect((await json<{ message: string }>(junk)).message).toContain('不是运营商');

    const roster = await importFile(
      Buffer.from('警号,姓名,单位\n659001,张三,交警大队\n', 'utf8'),
      'roster.csv',
      {
        kind: 'detail',
      },
    );
    expect(roster).toMatchObject({ status: 'failed', rowsAccepted: 0 });
    expect(roster.error).toContain('找不到表头');
    const headerOnly = await importFile(
      Buffer.from('账期,手机号码,主叫分钟,国内流量MB,定向流量MB,短信条数\n'),
      'h.csv',
    );
    expect(headerOnly).toMatchObject({ status: 'failed', error: '文件中没有数据行' });
    expect((await db.query(`SELECT * FROM monthly_usage ORDER BY id`)).rows).toEqual(totalsBefore);
  }, 60_000);

  it('restarts an import killed after its first batch and counts nothing twice', async () => {
    const runner = worker.get(UsageRunner);
    runner.batchRows = 300;
    const before = await monthly('2026-01');
    const stored = (await db.query(`SELECT stored_path FROM usage_imports WHERE id = $1`, [firstDetail.id]))
      .rows[0].stored_path as string;
    // The same records under another hash: an import written straight to the table, run by hand.
    const { id } = (
      await db.query(
        `INSERT INTO usage_imports (file_name, sha256, kind, format, encoding, stored_path, size_bytes)
         VALUES ('killed.csv', repeat('1', 64), 'detail', 'csv', 'gb18030', $1, 1) RETURNING id`,
        [stored],
      )
    ).rows[0] as { id: number };
    // The second batch's progress write fails, as when the worker dies mid-import.
    await db.query(`ALTER TABLE usage_imports ADD CONSTRAINT crash CHECK (rows_done <= 300) NOT VALID`);
    try {
      await expect(runner.run(id, { lastAttempt: false })).rejects.toThrow(/crash/);
    } finally {
      await db.query(`ALTER TABLE usage_imports DROP CONSTRAINT crash`);
    }
    expect(
      (await db.query(`SELECT count(*)::int n FROM usage_records WHERE import_id = $1`, [id])).rows[0].n,
    ).toBe(0);
    expect((await db.query(`SELECT status FROM usage_imports WHERE id = $1`, [id])).rows[0].status).toBe(
      'running',
    );

    const done = await runner.run(id, { lastAttempt: true });
    runner.batchRows = 10_000;
    expect(done).toMatchObject({ status: 'succeeded', rowsAccepted: 1200, rowsDuplicate: 1200 });
    expect(
      (await db.query(`SELECT count(*)::int n FROM usage_records WHERE import_id = $1`, [id])).rows[0].n,
    ).toBe(1200);
    const after = await monthly('2026-01');
    for (const [msisdn, row] of before) expect(after.get(msisdn)).toMatchObject({ ...row });
  }, 60_000);

  it('lists imports in the react-admin convention (Content-Range)', async () => {
    const list = await admin.request('GET', '/api/usage-imports?range=[0,1]');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^usage-imports 0-1\/\d+$/);
  });
});
