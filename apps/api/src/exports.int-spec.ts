import type { DeviceDto } from '@fleet/shared/contracts';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { contractPlan, deviceIdentity, expectStatus } from '../../../tools/test/inventory-fixtures';
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';

// 16:30 UTC is half past midnight the next day in China.
const HANDED_OVER = '2026-03-01T16:30:00Z';
const FORMULA = '=HYPERLINK("http://x","y")';

async function workbookOf(response: Response): Promise<ExcelJS.Worksheet> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0];
}

/** The cells of a row by header, so the test reads like the sheet. */
function rowByHeader(sheet: ExcelJS.Worksheet, rowNumber: number): Record<string, ExcelJS.Cell> {
  const headers = sheet.getRow(1).values as (string | undefined)[];
  const row = sheet.getRow(rowNumber);
  return Object.fromEntries(headers.flatMap((h, i) => (h ? [[h, row.getCell(i)]] : [])));
}

describe('exports a person can read', () => {
  let server: TestServer;
  let admin: ApiClient;
  let db: Client;
  let device: DeviceDto;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const unit = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/units', { name: '城关派出所' });
    const officer = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/officers', {
      badgeNo: '651786',
      name: '杨国庆',
      unitId: unit.id,
    });
    device = await expectStatus<DeviceDto>(admin, 201, 'POST', '/api/devices', {
      model: FORMULA,
      receivedOn: '2025-11-20',
      ...deviceIdentity(),
    });
    await expectStatus(admin, 201, 'POST', `/api/devices/${device.id}/assign`, {
      officerId: officer.id,
      at: HANDED_OVER,
    });
    await expectStatus(admin, 201, 'POST', '/api/plans', contractPlan());
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  it('writes devices as XLSX with labels, names next to ids, widths, a frozen header and text never a formula', async () => {
    const sheet = await workbookOf(await admin.request('GET', '/api/exports/devices?format=xlsx'));
    expect(sheet.name).toBe('终端');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['状态', '权属', '领用警员编号', '领用警员', '单位']));
    // The name stands next to the id it names.
    expect(headers.indexOf('领用警员')).toBe(headers.indexOf('领用警员编号') + 1);
    // Columns are as wide as their header and their text (Chinese counted twice); 9 is Excel's default.
    const width = (header: string) => sheet.getColumn(headers.indexOf(header) + 1).width ?? 9;
    expect(width('型号')).toBeGreaterThanOrEqual(FORMULA.length);
    expect(width('领用警员')).toBeGreaterThanOrEqual('杨国庆 (651786)'.length + 3);
    expect(width('领用警员编号')).toBeGreaterThanOrEqual(12);
    const row = rowByHeader(sheet, 2);
    expect(row['状态'].value).toBe('已配发');
    expect(row['权属'].value).toBe('租赁');
    expect(row['领用警员'].value).toBe('杨国庆 (651786)');
    expect(row['单位'].value).toBe(null);
    expect(row['编号'].type).toBe(ExcelJS.ValueType.Number);
    expect(row['编号'].value).toBe(device.id);
    expect(row['收货日期'].value).toBe('2025-11-20');
    // A formula-looking model is a plain string cell: no formula, no visible apostrophe.
    expect(row['型号'].type).toBe(ExcelJS.ValueType.String);
    expect(row['型号'].value).toBe(FORMULA);
    expect(row['型号'].formula).toBeUndefined();

    // CSV has no cell types, so it keeps the leading quote that makes a spreadsheet read the text as text.
    const csv = await (await admin.request('GET', '/api/exports/devices?format=csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(',已配发,租赁,');
    expect(csv).toContain('杨国庆 (651786)');
  });

  it('writes moments in China time, volumes in GB and money as yuan numbers with two decimals', async () => {
    const assignments = await workbookOf(await admin.request('GET', '/api/exports/assignments?format=xlsx'));
    expect(assignments.name).toBe('领用记录');
    const handover = rowByHeader(assignments, 2);
    expect(handover['领用时间'].value).toBe('2026-03-02 00:30');
    expect(handover['领用警员'].value).toBe('杨国庆 (651786)');
    expect(handover['终端'].value).toBe(`${FORMULA} ${device.imei1}`);
    expect(handover['终端'].type).toBe(ExcelJS.ValueType.String);

    const plans = await workbookOf(await admin.request('GET', '/api/exports/plans?format=xlsx'));
    expect(plans.name).toBe('套餐');
    const plan = rowByHeader(plans, 2);
    expect(plan['国内流量（GB）'].value).toBe(20);
    expect(plan['专网流量（GB）'].value).toBe(50);
    expect(plan['月费（元）'].value).toBe(272.5);
    expect(plan['月费（元）'].type).toBe(ExcelJS.ValueType.Number);
    expect(plan['月费（元）'].numFmt).toBe('#,##0.00');
    const csv = await (await admin.request('GET', '/api/exports/plans?format=csv')).text();
    expect(csv.split('\r\n')[1]).toMatch(/,警务通合约套餐,272\.50,1500,20\.00,50\.00,100,36$/);
  });

  it('writes the English labels and sheet name for an English caller, and audits every export', async () => {
    const en = new ApiClient(server.baseUrl, 'en');
    await en.login(server.admin.username, server.admin.password);
    const sheet = await workbookOf(await en.request('GET', '/api/exports/assignments?format=xlsx'));
    expect(sheet.name).toBe('Assignments');
    expect(rowByHeader(sheet, 2)['officer'].value).toBe('杨国庆 (651786)');
    const audited = await db.query<{ resource: string; after: { format: string } }>(
      `SELECT resource, after FROM audit_log WHERE action = 'export' ORDER BY id`,
    );
    expect(audited.rows.map((r) => [r.resource, r.after.format])).toEqual([
      ['devices', 'xlsx'],
      ['devices', 'csv'],
      ['assignments', 'xlsx'],
      ['plans', 'xlsx'],
      ['plans', 'csv'],
      ['assignments', 'xlsx'],
    ]);
  });
});
