import { addDays, chinaDateOf } from '@fleet/domain/inventory';
import type { FleetSummaryDto, OpenRepairsByAgeDto, Role } from '@fleet/shared/contracts';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../tools/test/test-server';
import { expectStatus, InventoryFixtures } from '../../../tools/test/inventory-fixtures';

describe('the dashboard: the fleet at a glance and open repairs by age, over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    const officer = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, officer);
    today = chinaDateOf(new Date());
    // Warranty ending in 5 days, lease in 20 days, one of each in 60 days; one retired (never counted).
    await fx.device({ warrantyEndOn: addDays(today, 5) });
    await fx.device({ leaseEndOn: addDays(today, 20) });
    await fx.device({ warrantyEndOn: addDays(today, 60), leaseEndOn: addDays(today, 60) });
    await fx.device({ warrantyEndOn: addDays(today, 3), status: 'retired' });
    const held = await fx.device({ warrantyEndOn: addDays(today, 400) });
    await fx.assign(held, officer);
    await fx.sim(held.id, 1);
    await fx.device({ status: 'lost', warrantyEndOn: addDays(today, 400) });
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('counts devices and SIMs by status and the warranty and lease ends within 7, 30 and 90 days', async () => {
    const fleet = await expectStatus<FleetSummaryDto>(clients.auditor, 200, 'GET', '/api/dashboard/fleet');
    expect(fleet.asOf).toBe(today);
    expect(fleet.devices).toEqual([
      { status: 'assigned', count: 1 },
      { status: 'in_stock', count: 3 },
      { status: 'lost', count: 1 },
      { status: 'retired', count: 1 },
    ]);
    expect(fleet.sims).toEqual([{ status: 'active', count: 1 }]);
    expect(fleet.endingWithin).toEqual([
      { days: 7, warranty: 1, lease: 0 },
      { days: 30, warranty: 1, lease: 1 },
      { days: 90, warranty: 2, lease: 2 },
    ]);
    for (const role of ['officer', 'repair_intake', 'secadmin', 'auditadmin'] as const) {
      await expectStatus(clients[role], 403, 'GET', '/api/dashboard/fleet');
    }
  });

  it('buckets open repair tickets by days since reported; closed ones are not counted', async () => {
    const devices = await Promise.all([fx.device(), fx.device(), fx.device()]);
    const ids: number[] = [];
    for (const device of devices) {
      const ticket = await expectStatus<{ id: number }>(
        clients.repair_intake,
        201,
        'POST',
        '/api/repair-tickets',
        {
          deviceId: device.id,
          fault: '屏幕碎裂',
        },
      );
      ids.push(ticket.id);
    }
    // Reported 1 day, 10 days and 45 days ago (China dates, at noon).
    for (const [i, days] of [1, 10, 45].entries()) {
      await fx.db.query(
        `UPDATE repair_tickets SET reported_at = ($1::date + time '12:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = $2`,
        [addDays(today, -days), ids[i]],
      );
    }
    const repairs = await expectStatus<OpenRepairsByAgeDto>(
      clients.repair_intake,
      200,
      'GET',
      '/api/dashboard/repairs',
    );
    expect(repairs.buckets).toEqual([
      { fromDays: 0, toDays: 3, count: 1 },
      { fromDays: 3, toDays: 7, count: 0 },
      { fromDays: 7, toDays: 14, count: 1 },
      { fromDays: 14, toDays: 30, count: 0 },
      { fromDays: 30, toDays: null, count: 1 },
    ]);
    expect(repairs.byStatus.find((s) => s.status === 'received')?.count).toBe(3);
    await fx.db.query(`UPDATE repair_tickets SET status = 'cancelled' WHERE id = $1`, [ids[2]]);
    const after = await expectStatus<OpenRepairsByAgeDto>(
      clients.auditor,
      200,
      'GET',
      '/api/dashboard/repairs',
    );
    expect(after.buckets.at(-1)?.count).toBe(0);
    for (const role of ['officer', 'secadmin', 'auditadmin'] as const) {
      await expectStatus(clients[role], 403, 'GET', '/api/dashboard/repairs');
    }
  });
});
