import { periodOf } from '@fleet/domain/billing';
import type { Role } from '@fleet/shared/contracts';
import type { SimCardEntity } from '@fleet/server/persistence';
import ExcelJS from 'exceljs';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';

interface Overage {
  id: number;
  simId: number;
  period: string;
  version: number;
  category: string;
  excess: number;
  amountFen: number;
  payer: string;
}

interface Use {
  category: string;
  used: number;
  allowance: number;
  remaining: number;
  over: boolean;
}

interface MyUsage {
  period: string;
  sims: { simId: number; msisdn: string; inPlan: boolean; categories: Use[] }[];
}

interface Dashboard {
  period: string;
  closed: boolean;
  sims: { inPlan: number; withUsage: number; outOfPlan: number };
  categories: { category: string; used: number; allowance: number; remaining: number; simsOver: number }[];
  top: { simId: number; msisdn: string; amountFen: number }[];
  topSource: string | null;
  trend: { period: string; overageFen: number | null; source: string | null }[];
}

const NO_ROUTE_ROLES: Role[] = ['officer', 'repair_intake'];

describe('billing read side over HTTP: overages, periods, finance workbook, own usage, dashboard', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let alice: number; // the officer login
  let bob: number;
  let a1: SimCardEntity; // Alice's device, slot 1
  let a2: SimCardEntity; // Alice's device, slot 2: no usage
  let b1: SimCardEntity; // Bob's device

  const monthlyUsage = (simId: number, period: string, v: { voiceMin?: number; sms?: number }) =>
    fx.db.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
       VALUES ($1, $2, $3, $4, 0, 0, 'summary')
       ON CONFLICT (sim_id, period) DO UPDATE SET voice_min = EXCLUDED.voice_min, sms = EXCLUDED.sms`,
      [simId, period, v.voiceMin ?? 0, v.sms ?? 0],
    );

  const tableOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    // A unit name a spreadsheet would run as a formula: the workbook must show it as text.
    const risky = await fx.unit('=HYPERLINK("http://x","y")');
    alice = (await fx.officer(unit.id)).id;
    bob = (await fx.officer(risky.id)).id;
    clients = await clientsByRole(server, alice);

    const aliceDevice = await fx.device();
    await fx.assign(aliceDevice, alice);
    a1 = await fx.sim(aliceDevice.id, 1);
    a2 = await fx.sim(aliceDevice.id, 2);
    const bobDevice = await fx.device();
    await fx.assign(bobDevice, bob);
    b1 = await fx.sim(bobDevice.id, 1);

    // December: 1 minute over (19 fen), closed. January: 103 minutes over (1957 fen) and 31 SMS (310 fen).
    await monthlyUsage(a1.id, '2025-12', { voiceMin: 1501 });
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2025-12/close');
    await monthlyUsage(a1.id, '2026-01', { voiceMin: 1603 });
    await monthlyUsage(b1.id, '2026-01', { sms: 131 });
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('shows an open month on the dashboard as computed now, without writing anything', async () => {
    const dash = await expectStatus<Dashboard>(
      clients.auditor,
      200,
      'GET',
      '/api/dashboard/usage?period=2026-01',
    );
    expect(dash).toMatchObject({
      period: '2026-01',
      closed: false,
      sims: { inPlan: 3, withUsage: 2, outOfPlan: 0 },
      topSource: 'computed',
      top: [
        { simId: a1.id, msisdn: a1.msisdn, amountFen: 1957 },
        { simId: b1.id, msisdn: b1.msisdn, amountFen: 310 },
      ],
    });
    expect(dash.categories.slice(0, 2)).toEqual([
      { category: 'voice', used: 1603, allowance: 3 * 1500, remaining: 4500 - 1603, simsOver: 1 },
      { category: 'sms', used: 131, allowance: 3 * 100, remaining: 169, simsOver: 1 },
    ]);
    expect(dash.trend.map((t) => t.period)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(dash.trend.slice(-3)).toEqual([
      { period: '2025-11', overageFen: null, source: null },
      { period: '2025-12', overageFen: 19, source: 'closed' },
      { period: '2026-01', overageFen: 1957 + 310, source: 'computed' },
    ]);
    // Nothing was closed or stored by looking.
    const [{ count }] = await fx.db.query<{ count: string }[]>(
      `SELECT count(*) FROM overages WHERE period = '2026-01'`,
    );
    expect(Number(count)).toBe(0);
    await expectStatus(clients.admin, 404, 'GET', '/api/periods/2026-01');
  });

  it('lists overages of the latest close of each month by default, earlier closes by version filter', async () => {
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-01/close');
    await monthlyUsage(b1.id, '2026-01', { sms: 141 }); // a corrected import: 41 over = 410 fen
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-01/close');

    const response = await clients.auditor.request(
      'GET',
      `/api/overages${filterQuery({ period: '2026-01' }, { sort: '["amountFen","DESC"]' })}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('overages 0-1/2');
    const latest = (await response.json()) as Overage[];
    expect(latest.map((o) => [o.simId, o.version, o.category, o.excess, o.amountFen, o.payer])).toEqual([
      [a1.id, 2, 'voice', 103, 1957, 'officer'],
      [b1.id, 2, 'sms', 41, 410, 'officer'],
    ]);

    const first = await expectStatus<Overage[]>(
      clients.admin,
      200,
      'GET',
      `/api/overages${filterQuery({ period: '2026-01', version: 1, simId: b1.id })}`,
    );
    expect(first.map((o) => [o.version, o.amountFen])).toEqual([[1, 310]]);
    // Every month's latest close: December's one overage and January's two.
    const all = await expectStatus<Overage[]>(clients.admin, 200, 'GET', '/api/overages');
    expect(all.map((o) => `${o.period}/${o.version}/${o.amountFen}`).sort()).toEqual([
      '2025-12/1/19',
      '2026-01/2/1957',
      '2026-01/2/410',
    ]);
    expect(
      await expectStatus<Overage[]>(
        clients.admin,
        200,
        'GET',
        `/api/overages${filterQuery({ category: 'sms', payer: 'officer' })}`,
      ),
    ).toHaveLength(1);
    expect(
      await expectStatus<Overage[]>(
        clients.admin,
        200,
        'GET',
        `/api/overages${filterQuery({ payer: 'bureau' })}`,
      ),
    ).toEqual([]);
    expect(await expectStatus<Overage>(clients.auditor, 200, 'GET', `/api/overages/${latest[1].id}`)).toEqual(
      latest[1],
    );
    await expectStatus(clients.admin, 400, 'GET', `/api/overages${filterQuery({ officerId: alice })}`);
    // The export holds the same rows as the list (latest close only by default).
    const csv = await (
      await clients.auditor.request('GET', `/api/exports/overages${filterQuery({ period: '2026-01' })}`)
    ).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 2);
    expect(csv).toContain(',2,短信,条,141,100,41,41,4.10,个人');
    for (const role of NO_ROUTE_ROLES) {
      await expectStatus(clients[role], 403, 'GET', '/api/overages');
      await expectStatus(clients[role], 403, 'GET', `/api/overages/${latest[0].id}`);
    }
  });

  it('lists the billing months as react-admin expects, each readable by id or by month', async () => {
    const response = await clients.admin.request('GET', '/api/periods');
    expect(response.headers.get('content-range')).toBe('periods 0-1/2');
    const periods = (await response.json()) as {
      id: number;
      period: string;
      version: number;
      officerTotalFen: number;
    }[];
    expect(periods.map((p) => [p.period, p.version, p.officerTotalFen])).toEqual([
      ['2026-01', 2, 1957 + 410],
      ['2025-12', 1, 19],
    ]);
    expect(typeof periods[0].id).toBe('number');
    expect(await expectStatus(clients.auditor, 200, 'GET', `/api/periods/${periods[0].id}`)).toEqual(
      await expectStatus(clients.auditor, 200, 'GET', '/api/periods/2026-01'),
    );
    expect(
      await expectStatus<{ period: string }[]>(
        clients.admin,
        200,
        'GET',
        `/api/periods${filterQuery({ period: '2025-12' }, { sort: '["period","ASC"]' })}`,
      ),
    ).toMatchObject([{ period: '2025-12' }]);
    await expectStatus(clients.admin, 404, 'GET', '/api/periods/99999');
    await expectStatus(clients.officer, 403, 'GET', '/api/periods');
  });

  it('exports the statements in force as a finance workbook: lines, holder totals, exact yuan, formula-safe', async () => {
    const response = await clients.auditor.request('GET', '/api/periods/2026-01/statements.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain('statements-2026-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const [linesSheet, totalsSheet] = workbook.worksheets;
    expect(linesSheet.name).toBe('通知单明细');

    const lines = tableOf(linesSheet);
    expect(lines[0]).toEqual([
      '警员姓名',
      '警号',
      '单位',
      '号码',
      '类别',
      '使用量',
      '套餐内',
      '超出',
      '金额（元）',
      '付费方',
      '通知单编号',
      '版本',
      '状态',
    ]);
    const aliceOfficer = await fx.db.query<{ name: string; badge_no: string }[]>(
      'SELECT name, badge_no FROM officers WHERE id = $1',
      [alice],
    );
    // Alice's statement is unchanged by the correction (version 1); Bob's is amended (version 2 only).
    expect(lines.slice(1).map((row) => row.slice(0, 12))).toEqual([
      [
        aliceOfficer[0].name,
        aliceOfficer[0].badge_no,
        '城关派出所',
        a1.msisdn,
        '语音（分钟）',
        1603,
        1500,
        103,
        19.57,
        '个人',
        expect.any(Number),
        1,
      ],
      [
        expect.any(String),
        expect.any(String),
        // A text cell (never a formula), shown as typed: no leading quote in XLSX.
        '=HYPERLINK("http://x","y")',
        b1.msisdn,
        '短信（条）',
        141,
        100,
        41,
        4.1,
        '个人',
        expect.any(Number),
        2,
      ],
    ]);
    expect(lines[1][12]).toBe('已出具');
    expect(linesSheet.getCell('I2').numFmt).toBe('0.00');

    const totals = tableOf(totalsSheet);
    expect(totals.slice(1).map((row) => [row[0], row[4], row[6], row[7]])).toEqual([
      [aliceOfficer[0].name, 1, 1, 19.57],
      [expect.any(String), 2, 1, 4.1],
      ['本局（单位承担）', 1, 0, 0],
      ['合计', undefined, undefined, 23.67],
    ]);

    const english = await clients.admin.request('GET', '/api/periods/2026-01/statements.xlsx', undefined, {
      'accept-language': 'en',
    });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await english.arrayBuffer()) as never);
    expect(tableOf(en.worksheets[1])[0][7]).toBe('total (CNY)');

    await expectStatus(clients.admin, 404, 'GET', '/api/periods/2030-01/statements.xlsx');
    await expectStatus(clients.admin, 400, 'GET', '/api/periods/2026-13/statements.xlsx');
    for (const role of NO_ROUTE_ROLES) {
      await expectStatus(clients[role], 403, 'GET', '/api/periods/2026-01/statements.xlsx');
    }
  });

  it("answers an officer's last 12 months summed over their own SIMs only, never another officer's", async () => {
    interface History {
      period: string;
      months: { period: string; voiceMin: number; sms: number; nationalKb: number; apnKb: number }[];
    }
    await monthlyUsage(a2.id, '2025-12', { sms: 7 });
    try {
      const history = await expectStatus<History>(
        clients.officer,
        200,
        'GET',
        '/api/me/usage/history?period=2026-01',
      );
      expect(history.period).toBe('2026-01');
      expect(history.months.map((m) => m.period)).toEqual([
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
      ]);
      // December: a1's 1501 minutes and a2's 7 SMS summed; January: a1's 1603 minutes and none of Bob's 131 SMS.
      expect(history.months.slice(-2)).toEqual([
        { period: '2025-12', voiceMin: 1501, sms: 7, nationalKb: 0, apnKb: 0 },
        { period: '2026-01', voiceMin: 1603, sms: 0, nationalKb: 0, apnKb: 0 },
      ]);
      expect(history.months[0]).toEqual({ period: '2025-02', voiceMin: 0, sms: 0, nationalKb: 0, apnKb: 0 });

      // Another officer's SIMs cannot be asked for: the query names no officer, and one that tries is refused.
      await expectStatus(clients.officer, 400, 'GET', `/api/me/usage/history?officerId=${bob}`);
      await expectStatus(clients.officer, 400, 'GET', `/api/me/usage/history?simId=${b1.id}`);
      await expectStatus(clients.officer, 400, 'GET', '/api/me/usage/history?period=2026-13');
      const current = await expectStatus<History>(clients.officer, 200, 'GET', '/api/me/usage/history');
      expect(current.period).toBe(periodOf(new Date()));
      for (const role of ['admin', 'auditor', 'repair_intake', 'secadmin'] as const) {
        await expectStatus(clients[role], 403, 'GET', '/api/me/usage/history');
      }
    } finally {
      await fx.db.query(`DELETE FROM monthly_usage WHERE sim_id = $1 AND period = '2025-12'`, [a2.id]);
    }
  });

  it("shows an officer only their own device's SIMs against allowance, zeros where nothing is used yet", async () => {
    const jan = await expectStatus<MyUsage>(clients.officer, 200, 'GET', '/api/me/usage?period=2026-01');
    expect(jan.period).toBe('2026-01');
    expect(jan.sims.map((s) => s.simId)).toEqual([a1.id, a2.id]); // never Bob's b1
    expect(jan.sims[0].categories[0]).toEqual({
      category: 'voice',
      used: 1603,
      allowance: 1500,
      remaining: 0,
      excess: 103,
      over: true,
    });
    expect(jan.sims[1].categories.map((c) => [c.category, c.used, c.remaining, c.over])).toEqual([
      ['voice', 0, 1500, false],
      ['sms', 0, 100, false],
      ['national', 0, 20 * 1024 * 1024, false],
      ['apn', 0, 50 * 1024 * 1024, false],
    ]);
    // Without a period: the current month in China, which has no usage here.
    const now = await expectStatus<MyUsage>(clients.officer, 200, 'GET', '/api/me/usage');
    expect(now.period).toBe(periodOf(new Date()));
    expect(now.sims.flatMap((s) => s.categories.map((c) => c.used))).toEqual(new Array(8).fill(0));

    // Asking for someone else's data by query is refused, not answered.
    await expectStatus(clients.officer, 400, 'GET', `/api/me/usage?officerId=${bob}`);
    await expectStatus(clients.officer, 400, 'GET', `/api/me/usage?simId=${b1.id}`);
    await expectStatus(clients.officer, 400, 'GET', '/api/me/usage?period=2026-1');
    for (const role of ['admin', 'auditor', 'repair_intake'] as const) {
      await expectStatus(clients[role], 403, 'GET', '/api/me/usage');
    }
  });

  it('shows a closed month on the dashboard from its latest close', async () => {
    const dash = await expectStatus<Dashboard>(
      clients.admin,
      200,
      'GET',
      '/api/dashboard/usage?period=2026-01',
    );
    expect(dash).toMatchObject({
      closed: true,
      topSource: 'closed',
      top: [
        { simId: a1.id, amountFen: 1957 },
        { simId: b1.id, amountFen: 410 },
      ],
    });
    expect(dash.trend.at(-1)).toEqual({ period: '2026-01', overageFen: 1957 + 410, source: 'closed' });
    // A month before any billing rules: nothing to compute.
    const old = await expectStatus<Dashboard>(
      clients.admin,
      200,
      'GET',
      '/api/dashboard/usage?period=2024-01',
    );
    expect(old).toMatchObject({ top: [], topSource: null });
    expect(old.trend.every((t) => t.overageFen === null)).toBe(true);
    await expectStatus(clients.admin, 400, 'GET', '/api/dashboard/usage?period=2026-00');
    for (const role of NO_ROUTE_ROLES) await expectStatus(clients[role], 403, 'GET', '/api/dashboard/usage');
  });
});
