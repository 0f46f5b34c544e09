import type {
  LeaseEndCheckDto,
  LeaseEndDeviceDto,
  LeaseEndTransferResultDto,
  Role,
} from '@fleet/shared/contracts';
import { DeviceEntity, LeaseEndCheckEntity } from '@fleet/server/persistence';
import {
  ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';
import { InventoryFixtures } from '../../../../../tools/test/inventory-fixtures';

describe('lease end (clause 4.5) over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  // Leases that ended in the past, so a transfer date is never after today.
  let endsJan10: DeviceEntity;
  let endsJan10Too: DeviceEntity;
  let endsJan20: DeviceEntity;
  let alreadyBureau: DeviceEntity;
  let noLease: DeviceEntity;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const transfer = (deviceIds: number[], on: string, client = clients.admin) =>
    client.request('POST', '/api/lease-end/transfer', { deviceIds, on });

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    clients = await clientsByRole(server, (await fx.officer(unit.id)).id);
    endsJan10 = await fx.device({ leaseStartOn: '2022-01-10', leaseEndOn: '2025-01-10' });
    endsJan10Too = await fx.device({ leaseStartOn: '2022-01-10', leaseEndOn: '2025-01-10' });
    endsJan20 = await fx.device({ leaseStartOn: '2022-01-20', leaseEndOn: '2025-01-20' });
    alreadyBureau = await fx.device({ leaseEndOn: '2025-01-05', ownership: 'bureau' });
    noLease = await fx.device({ leaseStartOn: null, leaseEndOn: null });
    await fx.device(); // ends 2028-11-25
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('lists the devices whose lease has ended by the date, with their checklist', async () => {
    const due = await json<LeaseEndDeviceDto[]>(
      await clients.auditor.request('GET', '/api/lease-end/devices?asOf=2025-01-10'),
    );
    expect(due.map((d) => d.deviceId)).toEqual([alreadyBureau.id, endsJan10.id, endsJan10Too.id]);
    expect(due[1]).toMatchObject({ leaseEndOn: '2025-01-10', ownership: 'leased', check: null });
    const later = await json<LeaseEndDeviceDto[]>(
      await clients.admin.request('GET', '/api/lease-end/devices?asOf=2025-01-20'),
    );
    expect(later.map((d) => d.deviceId)).toContain(endsJan20.id);

    const bad = await clients.admin.request('GET', '/api/lease-end/devices?asOf=2025-02-30');
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0].field).toBe('asOf');
  });

  it('creates the checklist on first PUT and keeps fields not sent on the next, audited', async () => {
    const created = await clients.admin.request('PUT', `/api/lease-end/checks/${endsJan10.id}`, {
      condition: '外观完好',
      workspaceWipedAt: '2025-01-08T10:00:00+08:00',
    });
    expect(created.status).toBe(200);
    const first = await json<LeaseEndCheckDto>(created);
    expect(first).toMatchObject({ deviceId: endsJan10.id, workspaceWipedAt: '2025-01-08T02:00:00.000Z' });
    const updated = await json<LeaseEndCheckDto>(
      await clients.admin.request('PUT', `/api/lease-end/checks/${endsJan10.id}`, {
        id: first.id,
        assetNo: 'GA-2025-0001',
        registeredAsAssetAt: '2025-01-09T09:00:00+08:00',
      }),
    );
    expect(updated).toMatchObject({ id: first.id, condition: '外观完好', assetNo: 'GA-2025-0001' });
    expect((await fx.audit('lease-end-checks', first.id)).map((r) => r.action)).toEqual(['create', 'update']);
    expect((await clients.admin.request('PUT', '/api/lease-end/checks/999999', {})).status).toBe(404);
  });

  it('transfers on the end date, answers every other device with its reason, one audit row per device', async () => {
    const response = await transfer(
      [endsJan10.id, endsJan20.id, alreadyBureau.id, noLease.id, 999999],
      '2025-01-10',
    );
    expect(response.status).toBe(200);
    const body = await json<LeaseEndTransferResultDto>(response);
    expect(body.results).toEqual([
      { deviceId: endsJan10.id, outcome: 'transferred', reason: null },
      { deviceId: endsJan20.id, outcome: 'rejected', reason: expect.stringContaining('2025-01-20') },
      { deviceId: alreadyBureau.id, outcome: 'unchanged', reason: expect.stringContaining('已归本局') },
      { deviceId: noLease.id, outcome: 'rejected', reason: expect.stringContaining('没有租赁结束日期') },
      { deviceId: 999999, outcome: 'rejected', reason: '终端不存在' },
    ]);
    const ownership = async (d: DeviceEntity) =>
      (await fx.db.manager.findOneByOrFail(DeviceEntity, { id: d.id })).ownership;
    expect(await ownership(endsJan10)).toBe('bureau');
    expect(await ownership(endsJan20)).toBe('leased');
    const check = await fx.db.manager.findOneByOrFail(LeaseEndCheckEntity, { deviceId: endsJan10.id });
    expect(check.transferredAt?.toISOString()).toBe('2025-01-09T16:00:00.000Z');
    expect(check.transferredByUserId).not.toBeNull();
    expect(check.assetNo).toBe('GA-2025-0001');
    expect(await fx.audit('devices', endsJan10.id)).toEqual([
      expect.objectContaining({
        action: 'update',
        before: { ownership: 'leased' },
        after: expect.objectContaining({ ownership: 'bureau', transferredOn: '2025-01-10' }),
      }),
    ]);
    expect(await fx.audit('devices', endsJan20.id)).toEqual([]);
    expect(await fx.audit('devices', alreadyBureau.id)).toEqual([]);
  });

  it('transfers after the end date and refuses before it, in the caller language', async () => {
    const after = await json<LeaseEndTransferResultDto>(await transfer([endsJan10Too.id], '2025-01-12'));
    expect(after.results[0].outcome).toBe('transferred');
    const en = new ApiClient(server.baseUrl, 'en');
    await en.login(server.admin.username, server.admin.password);
    const before = await json<LeaseEndTransferResultDto>(await transfer([endsJan20.id], '2025-01-19', en));
    expect(before.results[0]).toEqual({
      deviceId: endsJan20.id,
      outcome: 'rejected',
      reason: 'The lease ends on 2025-01-20, after 2025-01-19',
    });
    const onTheDay = await json<LeaseEndTransferResultDto>(await transfer([endsJan20.id], '2025-01-20'));
    expect(onTheDay.results[0].outcome).toBe('transferred');
  });

  it('refuses a transfer date after today or malformed, and an empty list, naming the field', async () => {
    for (const [body, field] of [
      [{ deviceIds: [endsJan20.id], on: '2999-01-01' }, 'on'],
      [{ deviceIds: [endsJan20.id], on: '2025/01/20' }, 'on'],
      [{ deviceIds: [], on: '2025-01-20' }, 'deviceIds'],
    ] as const) {
      const response = await clients.admin.request('POST', '/api/lease-end/transfer', body);
      expect(response.status).toBe(400);
      expect((await json<{ errors: { field: string }[] }>(response)).errors[0].field).toBe(field);
    }
  });

  it('lets admin and auditor read; only admin changes', async () => {
    const list = await clients.auditor.request('GET', '/api/lease-end-checks');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^lease-end-checks 0-\d+\/\d+$/);
    for (const role of ['repair_intake', 'officer'] as const) {
      expect((await clients[role].request('GET', '/api/lease-end/devices')).status).toBe(403);
      expect((await clients[role].request('GET', '/api/lease-end-checks')).status).toBe(403);
    }
    for (const role of ['repair_intake', 'officer', 'auditor'] as const) {
      expect((await clients[role].request('PUT', `/api/lease-end/checks/${noLease.id}`, {})).status).toBe(
        403,
      );
      expect((await transfer([noLease.id], '2025-01-20', clients[role])).status).toBe(403);
    }
  });
});
