import type { DeviceDto, SimCardDto } from '@fleet/shared/contracts';
import {
  ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import {
  body,
  deviceIdentity,
  expectStatus,
  filterQuery,
  simIdentity,
} from '../../../../tools/test/inventory-fixtures';

type ErrorBody = { message: string; errors?: { field: string; reason: string }[] };

describe('devices, SIM cards, APN profiles and plans over HTTP', () => {
  let server: TestServer;
  let admin: ApiClient;
  let clients: Awaited<ReturnType<typeof clientsByRole>>;
  let unitId: number;
  let ownOfficerId: number;
  let otherOfficerId: number;
  let apnProfileId: number;
  let planId: number;

  const newDevice = (overrides: object = {}) =>
    expectStatus<DeviceDto>(admin, 201, 'POST', '/api/devices', {
      model: 'HUAWEI Mate60 12GB+256GB',
      receivedOn: '2025-11-20',
      ...deviceIdentity(),
      ...overrides,
    });
  const newSim = (overrides: object = {}) =>
    expectStatus<SimCardDto>(admin, 201, 'POST', '/api/sim-cards', {
      ...simIdentity(),
      apnProfileId,
      planId,
      activatedOn: '2025-11-25',
      status: 'active',
      ...overrides,
    });

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    unitId = (await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/units', { name: '且末县公安局' }))
      .id;
    const officer = (badgeNo: string, name: string) =>
      expectStatus<{ id: number }>(admin, 201, 'POST', '/api/officers', { badgeNo, name, unitId });
    ownOfficerId = (await officer('651001', '张伟')).id;
    otherOfficerId = (await officer('651002', '王芳')).id;
    clients = await clientsByRole(server, ownOfficerId);
    apnProfileId = (
      await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/apn-profiles', {
        name: 'XJGA',
        apn: 'xjga.xj',
        description: '公安移动警务专网',
      })
    ).id;
    planId = (
      await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/plans', {
        name: '警务通合约套餐',
        monthlyFeeFen: 27250,
        voiceMin: 1500,
        nationalKb: 20480 * 1024,
        apnKb: 51200 * 1024,
        sms: 100,
        termMonths: 36,
      })
    ).id;
  }, 60_000);

  afterAll(() => server?.stop());

  it('keeps APN profiles and plans: staff read, only admins write, duplicates answer 409', async () => {
    const duplicate = await admin.request('POST', '/api/apn-profiles', { name: 'OTHER', apn: 'xjga.xj' });
    expect(duplicate.status).toBe(409);
    expect((await body<ErrorBody>(duplicate)).message).toContain('XJGA');
    expect((await clients.repair_intake.request('GET', '/api/apn-profiles')).status).toBe(200);
    expect((await clients.auditor.request('GET', `/api/plans/${planId}`)).status).toBe(200);
    expect((await clients.auditor.request('POST', '/api/plans', {})).status).toBe(403);
    expect((await clients.officer.request('GET', '/api/apn-profiles')).status).toBe(403);
    const plan = await expectStatus<{ nationalKb: number }>(admin, 200, 'GET', `/api/plans/${planId}`);
    expect(plan.nationalKb).toBe(20971520);
    const bad = await admin.request('POST', '/api/apn-profiles', { name: 'BAD', apn: 'not an apn!' });
    expect((await body<ErrorBody>(bad)).errors?.[0].field).toBe('apn');
  });

  it('normalizes IMEIs, derives the warranty and lease ends, and refuses a wrong check digit by field', async () => {
    const identity = deviceIdentity();
    const spaced = `${identity.imei1.slice(0, 5)} ${identity.imei1.slice(5)}`;
    const device = await newDevice({ ...identity, imei1: spaced, leaseStartOn: '2025-11-20' });
    expect(device).toMatchObject({
      imei1: identity.imei1,
      warrantyEndOn: '2028-11-20',
      leaseEndOn: '2028-11-20',
      status: 'in_stock',
      currentOfficerId: null,
    });
    const wrong = `${identity.imei2.slice(0, 14)}${(Number(identity.imei2[14]) + 1) % 10}`;
    const refused = await admin.request('POST', '/api/devices', {
      model: 'X',
      receivedOn: '2025-11-20',
      imei1: wrong,
    });
    expect(refused.status).toBe(400);
    expect((await body<ErrorBody>(refused)).errors).toEqual([
      { field: 'imei1', reason: expect.stringContaining('校验位') },
    ]);
    const derivedSent = await admin.request('POST', '/api/devices', {
      model: 'X',
      receivedOn: '2025-11-20',
      ...deviceIdentity(),
      warrantyEndOn: '2099-01-01',
    });
    expect(derivedSent.status).toBe(400);
  });

  it('answers 409 naming the device for an IMEI taken in either column, either way round', async () => {
    const first = await newDevice();
    for (const clash of [{ imei1: first.imei2 }, { imei2: first.imei1 }, { imei1: first.imei1 }]) {
      const response = await admin.request('POST', '/api/devices', {
        model: 'X',
        receivedOn: '2025-11-20',
        ...deviceIdentity(),
        ...clash,
      });
      expect(response.status).toBe(409);
      const error = await body<ErrorBody>(response);
      expect(error.message).toContain(`编号 ${first.id}`);
      expect(error.errors?.[0].field).toBe(Object.keys(clash)[0]);
    }
    const other = await newDevice();
    const edit = await admin.request('PUT', `/api/devices/${other.id}`, { ...other, imei2: first.imei1 });
    expect(edit.status).toBe(409);
  });

  it('takes back a whole record on PUT but refuses to change status, holder or warranty end', async () => {
    const device = await newDevice();
    const edited = await expectStatus<DeviceDto>(admin, 200, 'PUT', `/api/devices/${device.id}`, {
      ...device,
      notes: '备用机',
      receivedOn: '2025-12-01',
    });
    expect(edited).toMatchObject({ notes: '备用机', warrantyEndOn: '2028-12-01' });
    for (const change of [
      { status: 'assigned' },
      { currentOfficerId: ownOfficerId },
      { warrantyEndOn: '2030-01-01' },
    ]) {
      const response = await admin.request('PUT', `/api/devices/${device.id}`, { ...edited, ...change });
      expect(response.status).toBe(400);
      expect((await body<ErrorBody>(response)).errors?.[0].field).toBe(Object.keys(change)[0]);
    }
    const nulled = await admin.request('PUT', `/api/devices/${device.id}`, { model: null });
    expect(nulled.status).toBe(400);
  });

  it('lists devices with q over both IMEIs, serial and model, and with filters', async () => {
    const device = await newDevice({ model: 'HUAWEI Mate60 Pro', receivedOn: '2023-01-10' });
    const byImei2 = await body<DeviceDto[]>(
      await admin.request('GET', `/api/devices${filterQuery({ q: device.imei2!.slice(3, 12) })}`),
    );
    expect(byImei2.map((d) => d.id)).toEqual([device.id]);
    const expiring = await body<DeviceDto[]>(
      await admin.request('GET', `/api/devices${filterQuery({ warrantyEndOn_lte: '2026-06-30' })}`),
    );
    expect(expiring.map((d) => d.id)).toEqual([device.id]);
    const response = await admin.request(
      'GET',
      `/api/devices${filterQuery({ status: 'in_stock', q: 'Pro' })}`,
    );
    expect(response.headers.get('content-range')).toBe('devices 0-0/1');
  });

  it('keeps SIM numbers canonical, derives the plan end, and refuses a taken ICCID or live number', async () => {
    const identity = simIdentity();
    const sim = await newSim({ ...identity, msisdn: `+86 ${identity.msisdn}` });
    expect(sim).toMatchObject({
      msisdn: identity.msisdn,
      planEndsOn: '2028-10-31',
      deviceId: null,
      slot: null,
    });

    const iccidTaken = await admin.request('POST', '/api/sim-cards', { ...simIdentity(), iccid: sim.iccid });
    expect(iccidTaken.status).toBe(409);
    expect((await body<ErrorBody>(iccidTaken)).message).toContain(`编号 ${sim.id}`);

    const numberTaken = await admin.request('POST', '/api/sim-cards', {
      ...simIdentity(),
      msisdn: sim.msisdn,
    });
    expect(numberTaken.status).toBe(409);
    expect(await body<ErrorBody>(numberTaken)).toMatchObject({
      errors: [{ field: 'msisdn', reason: expect.stringContaining(sim.iccid) }],
    });

    await expectStatus(admin, 200, 'PUT', `/api/sim-cards/${sim.id}`, { ...sim, status: 'terminated' });
    const reused = await newSim({ msisdn: sim.msisdn });
    expect(reused.msisdn).toBe(sim.msisdn);

    const moved = await admin.request('PUT', `/api/sim-cards/${reused.id}`, {
      ...reused,
      deviceId: 1,
      slot: 1,
    });
    expect(moved.status).toBe(400);
    const bySearch = await body<SimCardDto[]>(
      await admin.request('GET', `/api/sim-cards${filterQuery({ q: sim.iccid.slice(-8) })}`),
    );
    expect(bySearch.map((s) => s.id)).toEqual([sim.id]);
  });

  it('lets repair intake and auditors read but not write', async () => {
    const device = await newDevice();
    for (const role of ['repair_intake', 'auditor'] as const) {
      expect((await clients[role].request('GET', `/api/devices/${device.id}`)).status).toBe(200);
      expect((await clients[role].request('GET', '/api/sim-cards')).status).toBe(200);
      expect(
        (await clients[role].request('POST', '/api/devices', { ...device, ...deviceIdentity() })).status,
      ).toBe(403);
      expect((await clients[role].request('PUT', `/api/devices/${device.id}`, device)).status).toBe(403);
      expect((await clients[role].request('DELETE', `/api/devices/${device.id}`)).status).toBe(403);
      expect((await clients[role].request('POST', `/api/devices/${device.id}/assign`, {})).status).toBe(403);
    }
  });

  it('shows an officer only the device they hold and its SIMs: others 404 by id, filter and q', async () => {
    const own = await newDevice();
    const other = await newDevice();
    const ownSim = await newSim();
    const otherSim = await newSim();
    await expectStatus(admin, 201, 'POST', `/api/devices/${own.id}/assign`, { officerId: ownOfficerId });
    await expectStatus(admin, 201, 'POST', `/api/devices/${other.id}/assign`, { officerId: otherOfficerId });
    await expectStatus(admin, 201, 'POST', `/api/sim-cards/${ownSim.id}/install`, {
      deviceId: own.id,
      slot: 1,
    });
    await expectStatus(admin, 201, 'POST', `/api/sim-cards/${otherSim.id}/install`, {
      deviceId: other.id,
      slot: 1,
    });
    const officer = clients.officer;

    expect((await officer.request('GET', `/api/devices/${own.id}`)).status).toBe(200);
    expect((await officer.request('GET', `/api/devices/${other.id}`)).status).toBe(404);
    expect((await officer.request('GET', `/api/devices/by-imei/${other.imei2}`)).status).toBe(404);
    expect((await officer.request('GET', `/api/devices/by-imei/${own.imei2}`)).status).toBe(200);
    const listed = async (path: string, filter: object) =>
      (await body<{ id: number }[]>(await officer.request('GET', `${path}${filterQuery(filter)}`))).map(
        (r) => r.id,
      );
    expect(await listed('/api/devices', {})).toEqual([own.id]);
    expect(await listed('/api/devices', { id: [other.id] })).toEqual([]);
    expect(await listed('/api/devices', { currentOfficerId: otherOfficerId })).toEqual([]);
    expect(await listed('/api/devices', { q: other.imei1 })).toEqual([]);

    expect((await officer.request('GET', `/api/sim-cards/${ownSim.id}`)).status).toBe(200);
    expect((await officer.request('GET', `/api/sim-cards/${otherSim.id}`)).status).toBe(404);
    expect(await listed('/api/sim-cards', {})).toEqual([ownSim.id]);
    expect(await listed('/api/sim-cards', { deviceId: other.id })).toEqual([]);
    expect(await listed('/api/sim-cards', { q: otherSim.msisdn })).toEqual([]);
    expect((await officer.request('GET', `/api/devices/${own.id}/holder`)).status).toBe(403);
  });

  it('looks a device up by either IMEI for scanners, and says 404 for an unknown one', async () => {
    const device = await newDevice();
    const found = await expectStatus<DeviceDto>(
      clients.repair_intake,
      200,
      'GET',
      `/api/devices/by-imei/${device.imei2}`,
    );
    expect(found.id).toBe(device.id);
    expect((await admin.request('GET', `/api/devices/by-imei/${deviceIdentity().imei1}`)).status).toBe(404);
  });

  it('deletes only a device or SIM without custody history', async () => {
    const unused = await newDevice();
    await expectStatus(admin, 200, 'DELETE', `/api/devices/${unused.id}`);
    const used = await newDevice();
    const sim = await newSim();
    await expectStatus(admin, 201, 'POST', `/api/sim-cards/${sim.id}/install`, {
      deviceId: used.id,
      slot: 2,
    });
    await expectStatus(admin, 200, 'POST', `/api/sim-cards/${sim.id}/remove`, {});
    const refused = await admin.request('DELETE', `/api/devices/${used.id}`);
    expect(refused.status).toBe(409);
    expect((await body<ErrorBody>(refused)).message).toContain('1 条');
    expect((await admin.request('DELETE', `/api/sim-cards/${sim.id}`)).status).toBe(409);
  });
});
