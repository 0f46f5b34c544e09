import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Role } from '@fleet/shared/contracts';
import { WorkerModule } from '../../../../apps/worker/src/worker.module';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { PeriodRecloser } from './periods/period-reclose';

interface Statement {
  id: number;
  officerId: number | null;
  version: number;
  totalFen: number;
  previousTotalFen: number | null;
  supersedesId: number | null;
}

/** A corrected usage import after a month was closed: the worker closes the month again by itself. */
describe('closing a month again after a corrected import', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let token: string;
  let alice: number;
  let msisdn: string;

  const summaryFile = (voiceMin: number) =>
    Buffer.from(
      `账期,手机号码,主叫分钟,国内流量MB,定向流量MB,短信条数\n202602,${msisdn},${voiceMin},0,0,0\n`,
    );

  async function importFile(content: Buffer, name: string): Promise<{ id: number; status: string }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const response = await fetch(`${server.baseUrl}/api/usage-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: number };
    return waitFor(async () => {
      const row = await expectStatus<{ id: number; status: string }>(
        clients.admin,
        200,
        'GET',
        `/api/usage-imports/${id}`,
      );
      return row.status === 'succeeded' || row.status === 'failed' ? row : null;
    });
  }

  async function waitFor<T>(probe: () => Promise<T | null>): Promise<T> {
    for (const until = Date.now() + 20_000; Date.now() < until;) {
      const value = await probe();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('timed out');
  }

  const statements = () =>
    expectStatus<Statement[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ period: '2026-02' })}&sort=["id","ASC"]`,
    );

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    alice = (await fx.officer((await fx.unit('城关派出所')).id)).id;
    clients = await clientsByRole(server, alice);
    token = (
      (await (await clients.admin.login(server.admin.username, server.admin.password)).json()) as {
        accessToken: string;
      }
    ).accessToken;
    const device = await fx.device();
    msisdn = (await fx.sim(device.id, 1)).msisdn;
    await fx.assign(device, alice); // from 2025-12-01: Alice holds it all February
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await worker?.close();
    await server?.stop();
  });

  it('issues amended statements without the admin closing again, and only once', async () => {
    expect((await importFile(summaryFile(1600), 'feb.csv')).status).toBe('succeeded');
    // Nothing to close again while the month is open.
    expect(await worker.get(PeriodRecloser).stale('2026-02')).toEqual([]);
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-02/close');
    const [first] = (await statements()).filter((s) => s.officerId === alice);
    expect(first).toMatchObject({ version: 1, totalFen: 100 * 19 });

    // The carrier corrects February: 1,700 minutes, 200 over.
    expect((await importFile(summaryFile(1700), 'feb-corrected.csv')).status).toBe('succeeded');
    const amended = await waitFor(async () => {
      const mine = (await statements()).filter((s) => s.officerId === alice);
      return mine.length === 2 ? mine : null;
    });
    expect(amended[1]).toMatchObject({
      version: 2,
      totalFen: 200 * 19,
      previousTotalFen: 100 * 19,
      supersedesId: first.id,
    });
    const period = await expectStatus<{ version: number; status: string }>(
      clients.admin,
      200,
      'GET',
      '/api/periods/2026-02',
    );
    expect(period).toMatchObject({ status: 'closed', version: 2 });
    // Closed after the import: not stale any more, and a second run changes nothing.
    expect(await worker.get(PeriodRecloser).stale('2026-02')).toEqual([]);
    expect(await worker.get(PeriodRecloser).reclose('2026-02')).toBeNull();
    expect((await statements()).filter((s) => s.officerId === alice)).toHaveLength(2);
    // The close is audited as the uploader's.
    const audit = await fx.db.query<{ username: string }[]>(
      `SELECT username FROM audit_log WHERE resource = 'statements' AND after->>'version' = '2'`,
    );
    expect(audit.map((a) => a.username)).toContain(server.admin.username);
  }, 60_000);
});
