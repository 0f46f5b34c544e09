import type { Role, StocktakeDto, StocktakeScanDto } from '@fleet/shared/contracts';
import type { DeviceEntity } from '@fleet/server/persistence';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';
import { InventoryFixtures } from '../../../../../tools/test/inventory-fixtures';

describe('stocktakes (清点) over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let stationId: number;
  // Expected in the station's count: held in a sub-unit, kept in a sub-unit, held in the station.
  let heldInSquad: DeviceEntity;
  let keptInSquad: DeviceEntity;
  let heldInStation: DeviceEntity;
  // Not expected there: held elsewhere though kept in the station, retired, kept elsewhere.
  let heldElsewhere: DeviceEntity;
  let retired: DeviceEntity;
  let keptElsewhere: DeviceEntity;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const scan = (id: number, imei: string, client = clients.admin) =>
    client.request('POST', `/api/stocktakes/${id}/scans`, { imei });
  const start = async (unitId: number | null) =>
    json<StocktakeDto>(await clients.admin.request('POST', '/api/stocktakes', { unitId }));

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const root = await fx.unit('且末县公安局');
    const station = await fx.unit('城关派出所', root.id);
    const squad = await fx.unit('一中队', station.id);
    const other = await fx.unit('塔提让派出所', root.id);
    stationId = station.id;
    const [inStation, inSquad, inOther] = [
      await fx.officer(station.id),
      await fx.officer(squad.id),
      await fx.officer(other.id),
    ];
    clients = await clientsByRole(server, inStation.id);
    heldInSquad = await fx.device({ unitId: other.id });
    await fx.assign(heldInSquad, inSquad.id);
    keptInSquad = await fx.device({ unitId: squad.id });
    heldInStation = await fx.device();
    await fx.assign(heldInStation, inStation.id);
    heldElsewhere = await fx.device({ unitId: station.id });
    await fx.assign(heldElsewhere, inOther.id);
    retired = await fx.device({ unitId: station.id, status: 'retired' });
    keptElsewhere = await fx.device({ unitId: other.id });
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('expects what the unit and its sub-units hold or keep; the whole bureau when no unit', async () => {
    const count = await start(stationId);
    expect(count).toMatchObject({
      unitId: stationId,
      status: 'open',
      expectedDeviceIds: [heldInSquad.id, keptInSquad.id, heldInStation.id],
      foundDeviceIds: [],
      missingDeviceIds: [heldInSquad.id, keptInSquad.id, heldInStation.id],
    });
    const bureau = await start(null);
    expect(bureau.expectedDeviceIds).toEqual(
      [heldInSquad, keptInSquad, heldInStation, heldElsewhere, keptElsewhere].map((d) => d.id),
    );
    expect(bureau.expectedDeviceIds).not.toContain(retired.id);
    const noUnit = await clients.admin.request('POST', '/api/stocktakes', { unitId: 999999 });
    expect(noUnit.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(noUnit)).errors[0].field).toBe('unitId');
  });

  it('matches scans by either IMEI, keeps a repeated scan once, and reports found, missing, unexpected, unknown', async () => {
    const count = await start(stationId);
    const first = await scan(count.id, heldInSquad.imei1);
    expect(first.status).toBe(201);
    const recorded = await json<StocktakeScanDto>(first);
    expect(recorded).toMatchObject({ deviceId: heldInSquad.id, outcome: 'found' });
    const again = await scan(count.id, heldInSquad.imei1);
    expect(again.status).toBe(200);
    expect(await json<StocktakeScanDto>(again)).toEqual(recorded);

    // Typed with spaces: normalized before matching; IMEI 2 matches as well as IMEI 1.
    const spaced = `${keptInSquad.imei2!.slice(0, 8)} ${keptInSquad.imei2!.slice(8)}`;
    const second = await json<StocktakeScanDto>(await scan(count.id, spaced));
    expect(second).toMatchObject({ imei: keptInSquad.imei2, deviceId: keptInSquad.id, outcome: 'found' });
    expect((await json<StocktakeScanDto>(await scan(count.id, keptElsewhere.imei1))).outcome).toBe(
      'unexpected',
    );
    const unknownImei = fx.imei();
    expect(await json<StocktakeScanDto>(await scan(count.id, unknownImei))).toMatchObject({
      deviceId: null,
      outcome: 'unknown',
    });

    const live = await json<StocktakeDto>(
      await clients.auditor.request('GET', `/api/stocktakes/${count.id}`),
    );
    expect(live).toMatchObject({
      foundDeviceIds: [heldInSquad.id, keptInSquad.id],
      missingDeviceIds: [heldInStation.id],
      unexpectedDeviceIds: [keptElsewhere.id],
      unknownImeis: [unknownImei],
    });
    const scans = await json<StocktakeScanDto[]>(
      await clients.auditor.request('GET', `/api/stocktakes/${count.id}/scans`),
    );
    expect(scans).toHaveLength(4);
    expect(await fx.audit('stocktake-scans', recorded.id)).toEqual([
      expect.objectContaining({ action: 'create', username: 'admin' }),
    ]);
  });

  it('refuses a bad IMEI with 400 naming the field and the reason', async () => {
    const count = await start(stationId);
    const short = await scan(count.id, '12345');
    expect(short.status).toBe(400);
    expect((await json<{ errors: { field: string; reason: string }[] }>(short)).errors[0]).toMatchObject({
      field: 'imei',
      reason: expect.stringContaining('15'),
    });
    const valid = heldInSquad.imei1;
    const wrongCheck = `${valid.slice(0, 14)}${(Number(valid[14]) + 1) % 10}`;
    const bad = await scan(count.id, wrongCheck);
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0].field).toBe('imei');
  });

  it('records the outcome at close and refuses further scans and a second close with 409', async () => {
    const count = await start(stationId);
    await scan(count.id, heldInStation.imei1);
    const closed = await clients.admin.request('POST', `/api/stocktakes/${count.id}/close`, {
      notes: '缺 2 台',
    });
    expect(closed.status).toBe(200);
    expect(await json<StocktakeDto>(closed)).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      notes: '缺 2 台',
      foundDeviceIds: [heldInStation.id],
      missingDeviceIds: [heldInSquad.id, keptInSquad.id],
    });
    const late = await scan(count.id, heldInSquad.imei1);
    expect(late.status).toBe(409);
    expect((await json<{ message: string }>(late)).message).toContain(`清点 ${count.id}`);
    expect((await clients.admin.request('POST', `/api/stocktakes/${count.id}/close`, {})).status).toBe(409);
    const kept = await json<StocktakeDto>(await clients.admin.request('GET', `/api/stocktakes/${count.id}`));
    expect(kept.foundDeviceIds).toEqual([heldInStation.id]);
    expect((await fx.audit('stocktakes', count.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('lets repair intake scan and read, auditors read; only admin starts and closes; officers nothing', async () => {
    const count = await start(stationId);
    expect((await scan(count.id, keptInSquad.imei1, clients.repair_intake)).status).toBe(201);
    expect((await scan(count.id, keptInSquad.imei1, clients.auditor)).status).toBe(403);
    expect((await scan(count.id, keptInSquad.imei1, clients.officer)).status).toBe(403);
    for (const role of ['admin', 'auditor', 'repair_intake'] as const) {
      const list = await clients[role].request(
        'GET',
        `/api/stocktakes?filter=${encodeURIComponent('{"status":"open"}')}`,
      );
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toMatch(/^stocktakes 0-\d+\/\d+$/);
      expect((await json<StocktakeDto[]>(list)).every((s) => s.status === 'open')).toBe(true);
    }
    expect((await clients.officer.request('GET', `/api/stocktakes/${count.id}`)).status).toBe(403);
    for (const role of ['repair_intake', 'auditor', 'officer'] as const) {
      expect((await clients[role].request('POST', '/api/stocktakes', {})).status).toBe(403);
      expect((await clients[role].request('POST', `/api/stocktakes/${count.id}/close`, {})).status).toBe(403);
    }
  });
});
