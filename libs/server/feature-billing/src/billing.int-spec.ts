import type { Role } from '@fleet/shared/contracts';
import { AssignmentEntity, SimInstallationEntity, type SimCardEntity } from '@fleet/server/persistence';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';

interface Statement {
  id: number;
  officerId: number | null;
  version: number;
  status: string;
  totalFen: number;
  previousTotalFen: number | null;
  lines?: {
    simId: number;
    category: string;
    amountFen: number;
    payer: string;
    basis: Record<string, unknown>;
  }[];
}

const at = (iso: string) => new Date(`${iso}+08:00`);

describe('month close, attribution and statements over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let alice: number; // the officer login
  let bob: number;

  /** A SIM in a fresh device held by the given officers over [from, to) spans. */
  const simHeldBy = async (spans: [number, string, string | null][]): Promise<SimCardEntity> => {
    const device = await fx.device();
    const sim = await fx.sim(device.id, 1);
    await fx.db.manager.update(
      SimInstallationEntity,
      { simId: sim.id },
      { startAt: at('2025-11-25T00:00:00') },
    );
    for (const [officerId, from, to] of spans) {
      await fx.db.manager.insert(AssignmentEntity, {
        deviceId: device.id,
        officerId,
        startAt: at(from),
        endAt: to ? at(to) : null,
      });
    }
    return sim;
  };

  const monthlyUsage = (
    simId: number,
    period: string,
    v: { voiceMin?: number; sms?: number; carrier?: number; source?: string },
  ) =>
    fx.db.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source, carrier_overage_fen)
       VALUES ($1, $2, $3, $4, 0, 0, $5, $6)
       ON CONFLICT (sim_id, period) DO UPDATE SET voice_min = EXCLUDED.voice_min, sms = EXCLUDED.sms`,
      [simId, period, v.voiceMin ?? 0, v.sms ?? 0, v.source ?? 'summary', v.carrier ?? null],
    );

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    alice = (await fx.officer(unit.id)).id;
    bob = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, alice);
    await fx.db.query(
      `CREATE TABLE usage_records_2026_01 PARTITION OF usage_records FOR VALUES IN ('2026-01')`,
    );
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('attributes detail records to the holder at their start, splits by usage and issues exact statements; re-close amends', async () => {
    // Detail SIM: Alice holds it until 2026-01-11, then Bob. 1,600 min used: 100 over at 19 fen = 1900 fen.
    const detail = await simHeldBy([
      [alice, '2025-12-01T09:00:00', '2026-01-11T00:00:00'],
      [bob, '2026-01-11T00:00:00', null],
    ]);
    await monthlyUsage(detail.id, '2026-01', { voiceMin: 1600, source: 'detail' });
    // Alice: one 61 s call (2 min) + the same call imported again (counts once) + an incoming call (0).
    // Bob: a 60 s call (1 min). Split 1900 fen as 2:1 → 1266 + 633, remainder 1 to Alice (largest).
    // Two succeeded imports (only records of succeeded imports count).
    const [first, second] = (
      await fx.db.query(
        `INSERT INTO usage_imports (file_name, sha256, kind, format, stored_path, size_bytes, period, status)
         SELECT 'd' || n || '.csv', repeat(n::text, 64), 'detail', 'csv', 'd' || n || '.csv', 1, '2026-01', 'succeeded'
           FROM generate_series(1, 2) n ORDER BY n RETURNING id`,
      )
    ).map((r: { id: number }) => r.id);
    await fx.db.query(
      `INSERT INTO usage_records (import_id, row_no, sim_id, period, record_type, start_at, direction, counterpart, duration_s)
       VALUES ($5, 1, $1, '2026-01', 'V', $2, 'O', '13900000001', 61),
              ($6, 1, $1, '2026-01', 'V', $2, 'O', '13900000001', 61),
              ($5, 2, $1, '2026-01', 'V', $3, 'I', '13900000002', 600),
              ($5, 3, $1, '2026-01', 'V', $4, 'O', '13900000003', 60)`,
      [
        detail.id,
        at('2026-01-01T00:00:00'),
        at('2026-01-05T10:00:00'),
        at('2026-01-11T00:00:00'),
        first,
        second,
      ],
    );
    // Summary SIM: Bob holds it from 2026-01-22 (10 of 31 days); 131 SMS: 31 over at 10 fen = 310 fen → Bob 100, bureau 210.
    const summary = await simHeldBy([[bob, '2026-01-22T00:00:00', null]]);
    await monthlyUsage(summary.id, '2026-01', { sms: 131, carrier: 999 });

    const closed = await expectStatus<{
      version: number;
      status: string;
      officerTotalFen: number;
      bureauTotalFen: number;
    }>(clients.admin, 200, 'POST', '/api/periods/2026-01/close');
    expect(closed).toMatchObject({
      version: 1,
      status: 'closed',
      officerTotalFen: 1267 + 633 + 100,
      bureauTotalFen: 210,
    });

    const all = await expectStatus<Statement[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ period: '2026-01' })}`,
    );
    const of = (officerId: number | null) => all.find((s) => s.officerId === officerId)!;
    expect(of(alice)).toMatchObject({ version: 1, totalFen: 1267, status: 'issued' });
    expect(of(bob)).toMatchObject({ version: 1, totalFen: 633 + 100 });
    expect(of(null)).toMatchObject({ version: 1, totalFen: 210 });
    const bobLines = (
      await expectStatus<Statement>(clients.admin, 200, 'GET', `/api/statements/${of(bob).id}`)
    ).lines!;
    expect(bobLines.map((l) => [l.simId, l.category, l.amountFen, l.basis.kind, l.basis.weight])).toEqual(
      expect.arrayContaining([
        [detail.id, 'voice', 633, 'usage', 1],
        [summary.id, 'sms', 100, 'days', 10],
      ]),
    );

    // A corrected import: Bob's summary SIM now has 141 SMS (41 over = 410 fen → Bob 132, bureau 278).
    await monthlyUsage(summary.id, '2026-01', { sms: 141 });
    const again = await expectStatus<{ version: number }>(
      clients.admin,
      200,
      'POST',
      '/api/periods/2026-01/close',
    );
    expect(again.version).toBe(2);
    const after = await expectStatus<Statement[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ period: '2026-01', officerId: bob })}&sort=${encodeURIComponent('["version","ASC"]')}`,
    );
    expect(after.map((s) => [s.version, s.status, s.totalFen, s.previousTotalFen])).toEqual([
      [1, 'superseded', 733, null],
      [2, 'issued', 633 + 132, 733],
    ]);
    const aliceAfter = await expectStatus<Statement[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ officerId: alice })}`,
    );
    expect(aliceAfter.map((s) => s.version)).toEqual([1]);

    // The carrier said 9.99 CNY for the summary SIM; we say 4.10 (41 SMS over).
    expect(await expectStatus(clients.auditor, 200, 'GET', '/api/periods/2026-01/bill-check')).toEqual([
      { simId: summary.id, msisdn: summary.msisdn, carrierFen: 999, ourFen: 410, differenceFen: 589 },
    ]);

    const html = await clients.admin.request('GET', `/api/statements/${after[1].id}/print`);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('超额费用通知单');
    expect(page).toContain('7.65');
    expect(page).toContain('差额 ¥0.32');
    expect(page).toContain(summary.msisdn);
  });

  it('lets an officer see and answer only their own statements', async () => {
    const own = await expectStatus<Statement[]>(clients.officer, 200, 'GET', '/api/statements');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => s.officerId === alice)).toBe(true);
    const others = await expectStatus<Statement[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ officerId: bob })}`,
    );
    expect(
      await expectStatus<Statement[]>(
        clients.officer,
        200,
        'GET',
        `/api/statements${filterQuery({ officerId: bob })}`,
      ),
    ).toEqual([]);
    expect(
      await expectStatus<Statement[]>(
        clients.officer,
        200,
        'GET',
        `/api/statements${filterQuery({ q: 'issued', id: others.map((s) => s.id) })}`,
      ),
    ).toEqual([]);
    for (const s of others) {
      await expectStatus(clients.officer, 404, 'GET', `/api/statements/${s.id}`);
      await expectStatus(clients.officer, 404, 'GET', `/api/statements/${s.id}/print`);
      await expectStatus(clients.officer, 404, 'POST', `/api/statements/${s.id}/acknowledge`);
    }
    const mine = own[0];
    await expectStatus(clients.officer, 400, 'POST', `/api/statements/${mine.id}/dispute`, { reason: '  ' });
    expect(
      await expectStatus<Statement>(clients.officer, 200, 'POST', `/api/statements/${mine.id}/acknowledge`),
    ).toMatchObject({ status: 'acknowledged' });
    await expectStatus(clients.officer, 409, 'POST', `/api/statements/${mine.id}/acknowledge`);
    expect(
      await expectStatus<Statement>(clients.officer, 200, 'POST', `/api/statements/${mine.id}/dispute`, {
        reason: '<b>不是我打的</b>',
      }),
    ).toMatchObject({ status: 'disputed' });
  });

  it('chooses the billing rules by month and refuses to change a version in force for a closed month', async () => {
    const rules = await expectStatus<{ id: number; effectiveFrom: string }[]>(
      clients.admin,
      200,
      'GET',
      '/api/billing-rules',
    );
    const first = rules.find((r) => r.effectiveFrom === '2025-11')!;
    await expectStatus(clients.admin, 409, 'PUT', `/api/billing-rules/${first.id}`, { voiceFenPerMin: 20 });
    const body = {
      effectiveFrom: '2026-02',
      voiceFenPerMin: 100,
      smsFenPerMessage: 10,
      nationalFenPerStartedGb: 300,
      apnFenPerStartedGb: 300,
      voicePayer: 'officer',
      smsPayer: 'officer',
      nationalPayer: 'officer',
      apnPayer: 'bureau',
    };
    await expectStatus(clients.admin, 409, 'POST', '/api/billing-rules', {
      ...body,
      effectiveFrom: '2026-01',
    });
    await expectStatus(clients.auditor, 403, 'POST', '/api/billing-rules', body);
    await expectStatus(clients.admin, 201, 'POST', '/api/billing-rules', body);
    const sim = await simHeldBy([[bob, '2026-01-01T00:00:00', null]]);
    await monthlyUsage(sim.id, '2026-02', { voiceMin: 1501 });
    const feb = await expectStatus<{ bureauTotalFen: number; officerTotalFen: number }>(
      clients.admin,
      200,
      'POST',
      '/api/periods/2026-02/close',
    );
    expect(feb.officerTotalFen).toBe(100); // 1 minute at the February price, not 19
  });

  it('answers permissions per role', async () => {
    await expectStatus(clients.officer, 403, 'POST', '/api/periods/2026-03/close');
    await expectStatus(clients.auditor, 403, 'POST', '/api/periods/2026-03/close');
    await expectStatus(clients.repair_intake, 403, 'GET', '/api/statements');
    await expectStatus(clients.officer, 403, 'GET', '/api/periods');
    await expectStatus(clients.auditor, 200, 'GET', '/api/periods/2026-01');
    await expectStatus(clients.admin, 400, 'POST', '/api/periods/2026-13/close');
    // A month without usage closes too, issuing only the bureau's (empty) summary.
    expect(await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-04/close')).toMatchObject({
      version: 1,
      statements: 1,
      bureauTotalFen: 0,
    });
  });
});
