import type {
  AssignmentDto,
  DeviceDto,
  DeviceHolderAtDto,
  DeviceSimsAtDto,
  SimCardDto,
  SimInstallationDto,
  TimelineEntryDto,
} from '@fleet/shared/contracts';
import {
  ApiClient,
  auditadminOf,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../../tools/test/test-server';
import {
  body,
  deviceIdentity,
  expectStatus,
  filterQuery,
  simIdentity,
} from '../../../../../tools/test/inventory-fixtures';

type ErrorBody = { message: string; errors?: { field: string; reason: string }[] };

const T1 = '2025-12-01T09:00:00+08:00';
const T2 = '2026-01-10T18:00:00+08:00';
const shift = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe('custody: handovers, SIM installations, history at a moment, voids and the receipt', () => {
  let server: TestServer;
  let admin: ApiClient;
  let clients: Awaited<ReturnType<typeof clientsByRole>>;
  let unitId: number;
  let officers: { id: number; name: string }[];

  const newDevice = () =>
    expectStatus<DeviceDto>(admin, 201, 'POST', '/api/devices', {
      model: 'HUAWEI Mate60 12GB+256GB',
      receivedOn: '2025-11-20',
      ...deviceIdentity(),
    });
  const newSim = () =>
    expectStatus<SimCardDto>(admin, 201, 'POST', '/api/sim-cards', { ...simIdentity(), status: 'active' });
  const assign = (deviceId: number, payload: object) =>
    admin.request('POST', `/api/devices/${deviceId}/assign`, payload);
  const holder = (deviceId: number, at: string) =>
    expectStatus<DeviceHolderAtDto>(
      admin,
      200,
      'GET',
      `/api/devices/${deviceId}/holder?at=${encodeURIComponent(at)}`,
    );
  const simsAt = async (deviceId: number, at: string) =>
    (
      await expectStatus<DeviceSimsAtDto>(
        admin,
        200,
        'GET',
        `/api/devices/${deviceId}/sims?at=${encodeURIComponent(at)}`,
      )
    ).sims;
  const device = (id: number) => expectStatus<DeviceDto>(admin, 200, 'GET', `/api/devices/${id}`);

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    const root = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/units', {
      name: '且末县公安局',
    });
    unitId = (
      await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/units', {
        name: '城关派出所',
        parentId: root.id,
      })
    ).id;
    officers = [];
    for (const [badgeNo, name] of [
      ['651001', '张伟'],
      ['651002', '王芳'],
      ['651003', '李娜'],
      ['651004', '刘洋'],
      ['651005', '陈静'],
      ['651006', '赵强'],
    ]) {
      officers.push(await expectStatus(admin, 201, 'POST', '/api/officers', { badgeNo, name, unitId }));
    }
    clients = await clientsByRole(server, officers[0].id);
  }, 60_000);

  afterAll(() => server?.stop());

  it('answers "who held it" just before, at and just after a handover, and follows with status', async () => {
    const { id } = await newDevice();
    const [a, b] = officers;
    const first = await body<AssignmentDto>(await assign(id, { officerId: a.id, at: T1 }));
    expect(await device(id)).toMatchObject({ status: 'assigned', currentOfficerId: a.id });
    await expectStatus(admin, 200, 'POST', `/api/devices/${id}/return`, { at: T2, condition: '完好' });
    expect(await device(id)).toMatchObject({ status: 'in_stock', currentOfficerId: null });
    const second = await body<AssignmentDto>(await assign(id, { officerId: b.id, at: T2 }));

    expect((await holder(id, shift(T1, -1))).officerId).toBeNull();
    expect(await holder(id, T1)).toMatchObject({ officerId: a.id, assignmentId: first.id });
    expect((await holder(id, shift(T2, -1))).officerId).toBe(a.id);
    expect(await holder(id, T2)).toMatchObject({ officerId: b.id, assignmentId: second.id });
    expect((await holder(id, shift(T2, 1))).officerId).toBe(b.id);
    const now = await expectStatus<DeviceHolderAtDto>(admin, 200, 'GET', `/api/devices/${id}/holder`);
    expect(now.officerId).toBe(b.id);

    await expectStatus(admin, 200, 'POST', `/api/devices/${id}/return`, {});
    const returnedAgain = await admin.request('POST', `/api/devices/${id}/return`, {});
    expect(returnedAgain.status).toBe(409);
    expect((await body<ErrorBody>(returnedAgain)).message).toContain('在库');
  });

  it('refuses a second handover, a second device for one officer, and overlapping or impossible moments', async () => {
    const { id } = await newDevice();
    const other = await newDevice();
    const [, , c, d] = officers;
    await expectStatus(admin, 201, 'POST', `/api/devices/${id}/assign`, { officerId: c.id, at: T1 });

    const again = await assign(id, { officerId: d.id });
    expect(again.status).toBe(409);
    expect((await body<ErrorBody>(again)).message).toContain(c.name);

    const second = await assign(other.id, { officerId: c.id });
    expect(second.status).toBe(409);
    expect((await body<ErrorBody>(second)).message).toContain(`编号 ${id}`);

    await expectStatus(admin, 200, 'POST', `/api/devices/${id}/return`, { at: T2 });
    const overlapping = await assign(id, { officerId: d.id, at: shift(T1, 3_600_000) });
    expect(overlapping.status).toBe(409);
    expect((await body<ErrorBody>(overlapping)).message).toContain('重叠');

    const future = await assign(id, { officerId: d.id, at: shift(new Date().toISOString(), 3_600_000) });
    expect((await body<ErrorBody>(future)).errors?.[0].field).toBe('at');
    const early = await assign(id, { officerId: d.id, at: '2025-11-19T12:00:00+08:00' });
    expect(early.status).toBe(400);
    expect((await body<ErrorBody>(early)).errors?.[0].reason).toContain('2025-11-20');
    const returnBeforeStart = await admin.request('POST', `/api/devices/${other.id}/assign`, {
      officerId: d.id,
      at: T2,
    });
    expect(returnBeforeStart.status).toBe(201);
    const backwards = await admin.request('POST', `/api/devices/${other.id}/return`, { at: T1 });
    expect(backwards.status).toBe(400);

    const allowed = await assign(id, { officerId: d.id, allowMultiple: true });
    expect(allowed.status).toBe(201);
    expect(await device(id)).toMatchObject({ currentOfficerId: d.id });
  });

  it('keeps SIM swap history per slot and refuses a busy slot or a SIM already in a device', async () => {
    const { id } = await newDevice();
    const other = await newDevice();
    const [first, second] = [await newSim(), await newSim()];
    const install = (simId: number, payload: object) =>
      admin.request('POST', `/api/sim-cards/${simId}/install`, payload);

    const installed = await body<SimInstallationDto>(
      await install(first.id, { deviceId: id, slot: 1, at: T1 }),
    );
    expect(await expectStatus(admin, 200, 'GET', `/api/sim-cards/${first.id}`)).toMatchObject({
      deviceId: id,
      slot: 1,
    });

    const busy = await install(second.id, { deviceId: id, slot: 1 });
    expect(busy.status).toBe(409);
    expect((await body<ErrorBody>(busy)).message).toContain(first.msisdn);
    const elsewhere = await install(first.id, { deviceId: other.id, slot: 1 });
    expect(elsewhere.status).toBe(409);

    await expectStatus(admin, 200, 'POST', `/api/sim-cards/${first.id}/remove`, { at: T2 });
    const swapped = await body<SimInstallationDto>(
      await install(second.id, { deviceId: id, slot: 1, at: T2 }),
    );

    expect(await simsAt(id, shift(T1, -1))).toEqual([]);
    expect(await simsAt(id, shift(T2, -1))).toEqual([
      { simId: first.id, slot: 1, installationId: installed.id },
    ]);
    expect(await simsAt(id, T2)).toEqual([{ simId: second.id, slot: 1, installationId: swapped.id }]);
    expect(await expectStatus(admin, 200, 'GET', `/api/sim-cards/${first.id}`)).toMatchObject({
      deviceId: null,
      slot: null,
    });

    const backdated = await install(first.id, { deviceId: id, slot: 1, at: shift(T2, -86_400_000) });
    expect(backdated.status).toBe(409);
    const history = await body<SimInstallationDto[]>(
      await admin.request('GET', `/api/sim-installations${filterQuery({ deviceId: id })}`),
    );
    expect(history.map((h) => h.simId)).toEqual([second.id, first.id]);
  });

  it('voids a mistaken handover with a reason: kept, no longer counted, the device back in stock', async () => {
    const { id } = await newDevice();
    const [, , , , e] = officers;
    const wrong = await body<AssignmentDto>(await assign(id, { officerId: e.id, at: T1 }));

    expect((await admin.request('POST', `/api/assignments/${wrong.id}/void`, {})).status).toBe(400);
    expect(
      (await clients.auditor.request('POST', `/api/assignments/${wrong.id}/void`, { reason: 'x' })).status,
    ).toBe(403);
    const voided = await expectStatus<AssignmentDto>(
      admin,
      200,
      'POST',
      `/api/assignments/${wrong.id}/void`,
      {
        reason: '登记错了领用人',
      },
    );
    expect(voided).toMatchObject({ voidReason: '登记错了领用人', voidedAt: expect.any(String), endAt: null });
    expect(await device(id)).toMatchObject({ status: 'in_stock', currentOfficerId: null });
    expect((await holder(id, shift(T1, 1000))).officerId).toBeNull();
    expect(
      (await admin.request('POST', `/api/assignments/${wrong.id}/void`, { reason: 'again' })).status,
    ).toBe(409);

    const listed = async (filter: object) =>
      (await body<AssignmentDto[]>(await admin.request('GET', `/api/assignments${filterQuery(filter)}`))).map(
        (a) => a.id,
      );
    expect(await listed({ deviceId: id })).toEqual([]);
    expect(await listed({ deviceId: id, includeVoided: true })).toEqual([wrong.id]);

    // The right handover can now be recorded over the same moment.
    const right = await body<AssignmentDto>(await assign(id, { officerId: e.id, at: T1 }));
    expect(await holder(id, shift(T1, 1000))).toMatchObject({ assignmentId: right.id });
    expect(await listed({ deviceId: id, open: true })).toEqual([right.id]);

    const sim = await newSim();
    const installed = await expectStatus<SimInstallationDto>(
      admin,
      201,
      'POST',
      `/api/sim-cards/${sim.id}/install`,
      {
        deviceId: id,
        slot: 2,
        at: shift(T1, 60_000),
      },
    );
    await expectStatus(admin, 200, 'POST', `/api/sim-installations/${installed.id}/void`, {
      reason: '装错卡槽',
    });
    expect(await simsAt(id, T2)).toEqual([]);
    expect(await expectStatus(admin, 200, 'GET', `/api/sim-cards/${sim.id}`)).toMatchObject({
      deviceId: null,
    });

    const timeline = await expectStatus<TimelineEntryDto[]>(admin, 200, 'GET', `/api/devices/${id}/timeline`);
    expect(timeline.map((t) => t.kind)).toEqual([
      'voided',
      'voided',
      'sim_installed',
      'assigned',
      'assigned',
    ]);
    expect(timeline[0]).toMatchObject({ byUsername: 'admin' });
    expect(timeline.find((t) => t.note === '登记错了领用人')).toBeDefined();
  });

  it('prints a receipt with both IMEIs and the SIM, escapes what people typed, and records acceptance', async () => {
    const dev = await newDevice();
    const sim = await newSim();
    await expectStatus(admin, 201, 'POST', `/api/sim-cards/${sim.id}/install`, {
      deviceId: dev.id,
      slot: 1,
      at: T1,
    });
    const owner = officers[0];
    const assignment = await body<AssignmentDto>(
      await assign(dev.id, {
        officerId: owner.id,
        at: T2,
        condition: '<script>alert(1)</script>',
        accessories: ['充电器', '保护壳'],
      }),
    );
    const response = await admin.request('GET', `/api/assignments/${assignment.id}/receipt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const text of [
      dev.imei1,
      dev.imei2!,
      sim.iccid,
      sim.msisdn,
      owner.name,
      '651001',
      '城关派出所',
      '且末县公安局',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('2026-01-10 18:00');
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('确认签收');

    expect(
      (await clients.repair_intake.request('GET', `/api/assignments/${assignment.id}/receipt`)).status,
    ).toBe(403);
    expect((await clients.officer.request('GET', `/api/assignments/${assignment.id}/receipt`)).status).toBe(
      200,
    );
    const accepted = await expectStatus<AssignmentDto>(
      clients.officer,
      200,
      'POST',
      `/api/assignments/${assignment.id}/accept`,
    );
    expect(accepted.acceptedAt).not.toBeNull();
    expect(await (await admin.request('GET', `/api/assignments/${assignment.id}/receipt`)).text()).toContain(
      '确认签收',
    );

    const othersAssignment = await body<AssignmentDto>(
      await assign((await newDevice()).id, { officerId: officers[1].id }),
    );
    for (const path of ['', '/receipt']) {
      expect(
        (await clients.officer.request('GET', `/api/assignments/${othersAssignment.id}${path}`)).status,
      ).toBe(404);
    }
    expect(
      (await clients.officer.request('POST', `/api/assignments/${othersAssignment.id}/accept`)).status,
    ).toBe(404);
    const own = await body<AssignmentDto[]>(await clients.officer.request('GET', '/api/assignments'));
    expect(own.map((a) => a.id)).toContain(assignment.id);
    expect(own.every((a) => a.officerId === owner.id)).toBe(true);
  });

  it('writes an audit row for each custody event and the device it moves', async () => {
    const { id } = await newDevice();
    const officer = officers[5];
    const assignment = await body<AssignmentDto>(await assign(id, { officerId: officer.id, at: T1 }));
    await expectStatus(admin, 200, 'POST', `/api/devices/${id}/return`, { at: T2 });
    const audit = async (resource: string, resourceId: number) =>
      body<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]>(
        await (
          await auditadminOf(server)
        ).request(
          'GET',
          `/api/audit-log${filterQuery({ resource, resourceId: String(resourceId) }, { sort: '["id","ASC"]' })}`,
        ),
      );
    const rows = await audit('assignments', assignment.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]).toMatchObject({ before: { endAt: null }, after: { endAt: new Date(T2).toISOString() } });
    const deviceRows = await audit('devices', id);
    expect(deviceRows.map((r) => [r.action, r.after.status])).toEqual([
      ['create', 'in_stock'],
      ['update', 'assigned'],
      ['update', 'in_stock'],
    ]);
  });
});
