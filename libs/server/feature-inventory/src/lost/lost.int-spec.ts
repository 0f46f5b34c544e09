import type { Role } from '@fleet/shared/contracts';
import type { LostReportDto } from '@fleet/shared/contracts';
import { AssignmentEntity, DeviceEntity, SimCardEntity } from '@fleet/server/persistence';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';
import { InventoryFixtures } from '../../../../../tools/test/inventory-fixtures';

describe('lost or stolen devices over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let ownOfficerId: number;
  let otherOfficerId: number;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    ownOfficerId = (await fx.officer(unit.id)).id;
    otherOfficerId = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, ownOfficerId);
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  const heldDevice = async (officerId: number) => {
    const device = await fx.device();
    await fx.assign(device, officerId);
    return device;
  };

  it('lets an officer report the device they hold, and answers 404 for any other device', async () => {
    const own = await heldDevice(ownOfficerId);
    const others = await heldDevice(otherOfficerId);
    const unheld = await fx.device();

    const reported = await clients.officer.request('POST', `/api/devices/${own.id}/report-lost`, {
      kind: 'stolen',
      circumstances: '  巡逻时被抢  ',
    });
    expect(reported.status).toBe(201);
    expect(await json<LostReportDto>(reported)).toMatchObject({
      deviceId: own.id,
      kind: 'stolen',
      reportedByOfficerId: ownOfficerId,
      circumstances: '巡逻时被抢',
      confirmedAt: null,
      followUps: [
        { key: 'sim_suspend', doneAt: null },
        { key: 'wipe', doneAt: null },
      ],
    });
    for (const id of [others.id, unheld.id, 999999]) {
      expect(
        (await clients.officer.request('POST', `/api/devices/${id}/report-lost`, { kind: 'lost' })).status,
      ).toBe(404);
    }
    const another = await heldDevice(ownOfficerId);
    const asSomeoneElse = await clients.officer.request('POST', `/api/devices/${another.id}/report-lost`, {
      kind: 'lost',
      reportedByOfficerId: otherOfficerId,
    });
    expect(asSomeoneElse.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(asSomeoneElse)).errors[0].field).toBe(
      'reportedByOfficerId',
    );
  });

  it('refuses a second report of a device not yet found with 409 naming the open report', async () => {
    const device = await fx.device();
    const first = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' }),
    );
    const second = await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, {
      kind: 'stolen',
    });
    expect(second.status).toBe(409);
    expect((await json<{ message: string }>(second)).message).toContain(`报失记录 ${first.id}`);
  });

  it('confirms a loss: device lost without holder, assignment ended, every SIM in it suspended, all audited', async () => {
    const device = await heldDevice(otherOfficerId);
    const sims = [await fx.sim(device.id, 1), await fx.sim(device.id, 2)];
    const elsewhere = await fx.sim((await fx.device()).id, 1);
    const report = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, {
        kind: 'lost',
        reportedAt: '2026-03-02T08:30:00+08:00',
        reportedByOfficerId: otherOfficerId,
        policeCaseNo: 'J6510-2026-0001',
      }),
    );
    expect(report.reportedAt).toBe('2026-03-02T00:30:00.000Z');

    const confirmed = await clients.admin.request('POST', `/api/lost-reports/${report.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect((await json<LostReportDto>(confirmed)).confirmedAt).not.toBeNull();
    expect(await fx.db.manager.findOneByOrFail(DeviceEntity, { id: device.id })).toMatchObject({
      status: 'lost',
      currentOfficerId: null,
    });
    const assignment = await fx.db.manager.findOneByOrFail(AssignmentEntity, { deviceId: device.id });
    expect(assignment.endAt).not.toBeNull();
    const statuses = await fx.db.manager.findBy(SimCardEntity, { deviceId: device.id });
    expect(statuses.map((s) => s.status)).toEqual(['suspended', 'suspended']);
    expect((await fx.db.manager.findOneByOrFail(SimCardEntity, { id: elsewhere.id })).status).toBe('active');

    expect((await clients.admin.request('POST', `/api/lost-reports/${report.id}/confirm`)).status).toBe(409);

    expect((await fx.audit('lost-reports', report.id)).map((r) => r.action)).toEqual(['create', 'update']);
    expect(await fx.audit('devices', device.id)).toEqual([
      expect.objectContaining({
        action: 'update',
        username: 'admin',
        before: { status: 'assigned', currentOfficerId: otherOfficerId },
        after: { status: 'lost', currentOfficerId: null },
      }),
    ]);
    for (const sim of sims) {
      expect(await fx.audit('sim-cards', sim.id)).toEqual([
        expect.objectContaining({ before: { status: 'active' }, after: { status: 'suspended' } }),
      ]);
    }
  });

  it('records each follow-up with when and who, refuses to close before both are done, then closes', async () => {
    const device = await fx.device();
    const report = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' }),
    );
    const early = await clients.admin.request('POST', `/api/lost-reports/${report.id}/close`);
    expect(early.status).toBe(409);
    expect((await json<{ message: string }>(early)).message).toContain('通知运营商停机');

    const suspended = await clients.admin.request(
      'POST',
      `/api/lost-reports/${report.id}/follow-ups/sim-suspend`,
      {
        at: '2026-03-02T09:00:00+08:00',
      },
    );
    expect(suspended.status).toBe(200);
    const adminId = (await json<{ id: number }>(await clients.admin.request('GET', '/api/auth/me'))).id;
    expect((await json<LostReportDto>(suspended)).followUps).toEqual([
      { key: 'sim_suspend', doneAt: '2026-03-02T01:00:00.000Z', doneByUserId: adminId },
      { key: 'wipe', doneAt: null, doneByUserId: null },
    ]);
    expect(
      (await clients.admin.request('POST', `/api/lost-reports/${report.id}/follow-ups/sim-suspend`, {}))
        .status,
    ).toBe(409);
    const badAt = await clients.admin.request('POST', `/api/lost-reports/${report.id}/follow-ups/wipe`, {
      at: 'yesterday',
    });
    expect(badAt.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(badAt)).errors[0].field).toBe('at');

    const before = Date.now();
    const wiped = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/lost-reports/${report.id}/follow-ups/wipe`, {}),
    );
    expect(Date.parse(wiped.wipeRequestedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(wiped.followUps[1]).toMatchObject({ key: 'wipe', doneByUserId: adminId });

    const closed = await clients.admin.request('POST', `/api/lost-reports/${report.id}/close`);
    expect(closed.status).toBe(200);
    expect((await json<LostReportDto>(closed)).closedAt).not.toBeNull();
    expect((await clients.admin.request('POST', `/api/lost-reports/${report.id}/close`)).status).toBe(409);
  });

  it('puts a found device back in stock, closes the report and lets the device be reported again', async () => {
    const device = await heldDevice(ownOfficerId);
    const report = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' }),
    );
    await clients.admin.request('POST', `/api/lost-reports/${report.id}/confirm`);
    const found = await clients.admin.request('POST', `/api/lost-reports/${report.id}/found`, {
      at: '2026-03-05T10:00:00+08:00',
    });
    expect(found.status).toBe(200);
    expect(await json<LostReportDto>(found)).toMatchObject({
      foundAt: '2026-03-05T02:00:00.000Z',
      closedAt: expect.any(String),
    });
    expect((await fx.db.manager.findOneByOrFail(DeviceEntity, { id: device.id })).status).toBe('in_stock');
    expect((await clients.admin.request('POST', `/api/lost-reports/${report.id}/found`, {})).status).toBe(
      409,
    );
    expect(
      (await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' })).status,
    ).toBe(201);
  });

  it('refuses a retired device and a bad kind, naming the field', async () => {
    const retired = await fx.device({ status: 'retired' });
    expect(
      (await clients.admin.request('POST', `/api/devices/${retired.id}/report-lost`, { kind: 'lost' }))
        .status,
    ).toBe(409);
    const bad = await clients.admin.request('POST', `/api/devices/${retired.id}/report-lost`, {
      kind: 'misplaced',
    });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0].field).toBe('kind');
  });

  it('lists reports for admin, auditor and repair intake with Content-Range; others may not read or act', async () => {
    for (const role of ['admin', 'auditor', 'repair_intake'] as const) {
      const list = await clients[role].request(
        'GET',
        `/api/lost-reports?range=${encodeURIComponent('[0,1]')}`,
      );
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toMatch(/^lost-reports 0-1\/\d+$/);
    }
    expect((await clients.officer.request('GET', '/api/lost-reports')).status).toBe(403);
    const device = await fx.device();
    const report = await json<LostReportDto>(
      await clients.admin.request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' }),
    );
    expect((await clients.repair_intake.request('GET', `/api/lost-reports/${report.id}`)).status).toBe(200);
    for (const role of ['repair_intake', 'auditor', 'officer'] as const) {
      expect((await clients[role].request('POST', `/api/lost-reports/${report.id}/confirm`)).status).toBe(
        403,
      );
    }
    for (const role of ['repair_intake', 'auditor'] as const) {
      expect(
        (await clients[role].request('POST', `/api/devices/${device.id}/report-lost`, { kind: 'lost' }))
          .status,
      ).toBe(403);
    }
  });
});
