import type {
  ClosePreviewDto,
  CloseResultDto,
  DataMonthsDto,
  PeriodDto,
  Role,
} from '@fleet/shared/contracts';
import type { SimCardEntity } from '@fleet/server/persistence';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { expectStatus, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';

const REFUSED: Role[] = ['officer', 'repair_intake', 'secadmin', 'auditadmin'];

describe('month close preview and the months with data, over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let a1: SimCardEntity;
  let b1: SimCardEntity;

  const monthlyUsage = (simId: number, period: string, v: { voiceMin?: number; sms?: number }) =>
    fx.db.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
       VALUES ($1, $2, $3, $4, 0, 0, 'summary')
       ON CONFLICT (sim_id, period) DO UPDATE SET voice_min = EXCLUDED.voice_min, sms = EXCLUDED.sms`,
      [simId, period, v.voiceMin ?? 0, v.sms ?? 0],
    );
  const count = async (sql: string) => Number((await fx.db.query(sql))[0].n);

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    const alice = (await fx.officer(unit.id)).id;
    const bob = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, alice);
    const aliceDevice = await fx.device();
    await fx.assign(aliceDevice, alice);
    a1 = await fx.sim(aliceDevice.id, 1);
    const bobDevice = await fx.device();
    await fx.assign(bobDevice, bob);
    b1 = await fx.sim(bobDevice.id, 1);
    // December: a little usage, no overage. January: Alice 103 minutes over, Bob 31 SMS over.
    await monthlyUsage(a1.id, '2025-12', { voiceMin: 100 });
    await monthlyUsage(a1.id, '2026-01', { voiceMin: 1603 });
    await monthlyUsage(b1.id, '2026-01', { sms: 131 });
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('lists the months with usage, newest first, and shows the latest on the dashboard by default', async () => {
    const { months } = await expectStatus<DataMonthsDto>(
      clients.auditor,
      200,
      'GET',
      '/api/dashboard/months',
    );
    expect(months).toEqual(['2026-01', '2025-12']);
    const dash = await expectStatus<{ period: string; top: unknown[] }>(
      clients.admin,
      200,
      'GET',
      '/api/dashboard/usage',
    );
    expect(dash.period).toBe('2026-01');
    expect(dash.top).toHaveLength(2);
    for (const role of REFUSED) await expectStatus(clients[role], 403, 'GET', '/api/dashboard/months');
  });

  it('previews exactly what the close then issues, writing nothing', async () => {
    const statementsBefore = await count('SELECT count(*) AS n FROM statements');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    const preview = await expectStatus<ClosePreviewDto>(
      clients.admin,
      200,
      'GET',
      '/api/periods/2026-01/close-preview',
    );
    // Two officers charged, and the bureau's summary statement (issued even when empty).
    expect(preview).toMatchObject({
      period: '2026-01',
      status: null,
      version: 1,
      statements: 3,
      amended: 0,
      unchanged: 0,
      officers: 2,
      simsOver: 2,
      outOfPlanSims: 0,
    });
    expect(preview.officerTotalFen + preview.bureauTotalFen).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM statements')).toBe(statementsBefore);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
    expect(await count("SELECT count(*) AS n FROM billing_periods WHERE period = '2026-01'")).toBe(0);

    const closed = await expectStatus<CloseResultDto>(
      clients.admin,
      200,
      'POST',
      '/api/periods/2026-01/close',
    );
    expect(closed.issued).toHaveLength(preview.statements);
    expect(closed.officerTotalFen).toBe(preview.officerTotalFen);
    expect(closed.bureauTotalFen).toBe(preview.bureauTotalFen);
    const period = await expectStatus<PeriodDto>(clients.auditor, 200, 'GET', '/api/periods/2026-01');
    expect(period.statements).toBe(3);

    // Closed again with nothing changed: nothing to issue; every statement stays.
    const again = await expectStatus<ClosePreviewDto>(
      clients.auditor,
      200,
      'GET',
      '/api/periods/2026-01/close-preview',
    );
    expect(again).toMatchObject({ status: 'closed', version: 2, statements: 0, unchanged: 3 });
    expect(again.officerTotalFen).toBe(preview.officerTotalFen);

    // A corrected figure for Bob: one amended statement, and the new totals.
    await monthlyUsage(b1.id, '2026-01', { sms: 100 });
    const amended = await expectStatus<ClosePreviewDto>(
      clients.admin,
      200,
      'GET',
      '/api/periods/2026-01/close-preview',
    );
    expect(amended).toMatchObject({ statements: 1, amended: 1, unchanged: 2, officers: 2, simsOver: 1 });
    expect(amended.officerTotalFen + amended.bureauTotalFen).toBeLessThan(
      preview.officerTotalFen + preview.bureauTotalFen,
    );
    const reclosed = await expectStatus<CloseResultDto>(
      clients.admin,
      200,
      'POST',
      '/api/periods/2026-01/close',
    );
    expect(reclosed.issued).toHaveLength(1);
    expect([reclosed.officerTotalFen, reclosed.bureauTotalFen]).toEqual([
      amended.officerTotalFen,
      amended.bureauTotalFen,
    ]);
  });

  it('refuses a malformed month and the roles that may not read billing', async () => {
    const bad = await clients.admin.request('GET', '/api/periods/2026-13/close-preview');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('period');
    for (const role of REFUSED) {
      await expectStatus(clients[role], 403, 'GET', '/api/periods/2026-01/close-preview');
    }
  });
});
