import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RepairCause } from '@fleet/domain/repairs';
import type {
  RepairEventDto,
  RepairIntakeLookupDto,
  RepairPhotoDto,
  RepairSummaryRowDto,
  RepairTicketDto,
  RepeatedFaultDto,
  Role,
  StatementWithLinesDto,
} from '@fleet/shared/contracts';
import {
  AssignmentEntity,
  DeviceEntity,
  RepairTicketEntity,
  SimCardEntity,
  type OfficerEntity,
} from '@fleet/server/persistence';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';

const cst = (local: string) => new Date(`${local}+08:00`);
const PHOTO_MAX_BYTES = 4096;
const PHOTO_MAX_PIXELS = 10_000;
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });
// Real pictures (32×24), the JPEG with EXIF that must not survive (a GPS position would be the same).
let JPEG: Buffer;
let PNG: Buffer;
// A picture whose scan is long enough to be cut in the middle (40×40 of varied pixels, about 1.2 kB).
let NOISY_JPEG: Buffer;

interface ErrorBody {
  message: string;
  errors: { field: string; reason: string }[];
}

describe('repair tickets over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let tokens: Record<Role, string>;
  let photoDir: string;
  let alice: OfficerEntity; // the officer login
  let bob: OfficerEntity;
  let carol: OfficerEntity;

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  /** A device handed to the officer at `since` (an open assignment), as custody would record it. */
  const heldDevice = async (
    officerId: number,
    values: Partial<DeviceEntity> = {},
    since = '2025-12-01T09:00:00',
  ) => {
    const device = await fx.device(values);
    await fx.db.manager.insert(AssignmentEntity, { deviceId: device.id, officerId, startAt: cst(since) });
    await fx.db.manager.update(DeviceEntity, device.id, { status: 'assigned', currentOfficerId: officerId });
    return device;
  };

  const intake = (role: Role, body: Record<string, unknown>) =>
    expectStatus<RepairTicketDto>(clients[role], 201, 'POST', '/api/repair-tickets', {
      fault: '屏幕碎裂',
      ...body,
    });

  const act = (
    id: number,
    action: string,
    body: Record<string, unknown> = {},
    role: Role = 'repair_intake',
  ) => clients[role].request('POST', `/api/repair-tickets/${id}/${action}`, body);

  const ok = async (
    id: number,
    action: string,
    body: Record<string, unknown> = {},
    role: Role = 'repair_intake',
  ) => {
    const response = await act(id, action, body, role);
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${await response.text()}`);
    return json<RepairTicketDto>(response);
  };

  const uploadPhoto = (role: Role, ticketId: number, content: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return fetch(`${server.baseUrl}/api/repair-tickets/${ticketId}/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[role]}` },
      body: form,
    });
  };

  beforeAll(async () => {
    JPEG = await picture(32, 24)
      .jpeg()
      .withExif({ IFD0: { Copyright: 'camera 0042' } })
      .toBuffer();
    PNG = await picture(32, 24).png().toBuffer();
    const noise = Buffer.alloc(40 * 40 * 3).map((_, i) => (i * 7919) % 251);
    NOISY_JPEG = await sharp(noise, { raw: { width: 40, height: 40, channels: 3 } })
      .jpeg()
      .toBuffer();
    photoDir = await mkdtemp(join(tmpdir(), 'repair-photos-'));
    server = await startTestServer({
      // The fixtures are of December 2025 and the reports look back from "now": the product runs on
      // a fixed day, so the suite gives the same answer whatever the calendar says.
      CLOCK_START: '2026-11-25T12:00:00+08:00',
      // Charges above 200.00 CNY wait for a second admin (repair-approvals.int-spec.ts); this suite
      // bills without that step.
      REPAIR_APPROVAL_THRESHOLD_FEN: '10000000',
      REPAIR_PHOTO_DIR: photoDir,
      REPAIR_PHOTO_MAX_BYTES: String(PHOTO_MAX_BYTES),
      REPAIR_PHOTO_MAX_PIXELS: String(PHOTO_MAX_PIXELS),
    });
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    [alice, bob, carol] = [await fx.officer(unit.id), await fx.officer(unit.id), await fx.officer(unit.id)];
    clients = await clientsByRole(server, alice.id);
    tokens = {} as Record<Role, string>;
    for (const role of ['admin', 'repair_intake', 'officer', 'auditor'] as const) {
      tokens[role] = clients[role].accessToken!;
    }
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  describe('intake', () => {
    it('takes a device in for admin and repair intake: holder from custody, assignment ended, device in repair, audited', async () => {
      for (const role of ['admin', 'repair_intake'] as const) {
        const device = await heldDevice(bob.id);
        const before = server.clock.now().getTime();
        const ticket = await intake(role, {
          deviceId: device.id,
          accessories: ['充电器', '保护壳'],
          condition: '屏幕左上角碎裂',
        });
        expect(ticket).toMatchObject({
          deviceId: device.id,
          imei: device.imei1,
          status: 'received',
          reportedByOfficerId: bob.id,
          holderOfficerId: bob.id,
          accessories: ['充电器', '保护壳'],
          warrantyEndOn: '2028-11-20',
          inWarranty: true,
          liability: null,
          nextStatuses: ['diagnosed', 'cancelled'],
        });
        expect(ticket.ticketNo).toBe(`WX-2026-${String(ticket.id).padStart(6, '0')}`);
        expect(Date.parse(ticket.reportedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(await fx.db.manager.findOneByOrFail(DeviceEntity, { id: device.id })).toMatchObject({
          status: 'in_repair',
          currentOfficerId: null,
        });
        const assignment = await fx.db.manager.findOneByOrFail(AssignmentEntity, { deviceId: device.id });
        expect(assignment.endAt?.toISOString()).toBe(ticket.reportedAt);
        const events = await expectStatus<RepairEventDto[]>(
          clients.auditor,
          200,
          'GET',
          `/api/repair-tickets/${ticket.id}/events`,
        );
        expect(events).toEqual([
          expect.objectContaining({ fromStatus: null, toStatus: 'received', at: ticket.reportedAt }),
        ]);
        expect((await fx.audit('repair-tickets', ticket.id)).map((a) => a.action)).toEqual(['create']);
        expect((await fx.audit('devices', device.id)).map((a) => a.after)).toEqual([
          expect.objectContaining({ status: 'in_stock', currentOfficerId: null }),
          expect.objectContaining({ status: 'in_repair' }),
        ]);
      }
    });

    it('lets an officer report the device they hold, as themselves, and answers 404 for any other device', async () => {
      const own = await heldDevice(alice.id);
      const others = await heldDevice(bob.id);
      const unheld = await fx.device();
      const ticket = await intake('officer', { deviceId: own.id, fault: '无法开机' });
      expect(ticket).toMatchObject({
        reportedByOfficerId: alice.id,
        holderOfficerId: alice.id,
        fault: '无法开机',
      });
      for (const id of [others.id, unheld.id, 999999]) {
        const response = await clients.officer.request('POST', '/api/repair-tickets', {
          deviceId: id,
          fault: 'x',
        });
        expect(response.status).toBe(404);
      }
      const another = await heldDevice(alice.id, {}, '2025-12-02T09:00:00');
      const asBob = await clients.officer.request('POST', '/api/repair-tickets', {
        deviceId: another.id,
        fault: 'x',
        reportedByOfficerId: bob.id,
      });
      expect(asBob.status).toBe(400);
      expect((await json<ErrorBody>(asBob)).errors[0].field).toBe('reportedByOfficerId');
      expect(
        (await clients.auditor.request('POST', '/api/repair-tickets', { deviceId: another.id, fault: 'x' }))
          .status,
      ).toBe(403);
    });

    it('keeps one open ticket per device (409 naming it), and refuses a future report, a lost device and bad input', async () => {
      const device = await heldDevice(bob.id);
      const first = await intake('repair_intake', { deviceId: device.id });
      const second = await clients.repair_intake.request('POST', '/api/repair-tickets', {
        deviceId: device.id,
        fault: '又坏了',
      });
      expect(second.status).toBe(409);
      expect((await json<ErrorBody>(second)).message).toContain(first.ticketNo);

      const other = await heldDevice(carol.id);
      const future = await clients.admin.request('POST', '/api/repair-tickets', {
        deviceId: other.id,
        fault: 'x',
        reportedAt: new Date(server.clock.now().getTime() + 3_600_000).toISOString(),
      });
      expect(future.status).toBe(400);
      expect((await json<ErrorBody>(future)).errors[0].field).toBe('reportedAt');
      const lost = await fx.device({ status: 'lost' });
      expect(
        (await clients.admin.request('POST', '/api/repair-tickets', { deviceId: lost.id, fault: 'x' }))
          .status,
      ).toBe(409);
      const missing = await clients.admin.request('POST', '/api/repair-tickets', {
        deviceId: 999999,
        fault: 'x',
      });
      expect(missing.status).toBe(400);
      expect((await json<ErrorBody>(missing)).errors[0].field).toBe('deviceId');
      const noFault = await clients.admin.request('POST', '/api/repair-tickets', { deviceId: other.id });
      expect((await json<ErrorBody>(noFault)).errors[0].field).toBe('fault');
    });

    it('looks a device up by either IMEI for the intake page, with holder, SIMs, warranty and open ticket', async () => {
      const device = await heldDevice(carol.id);
      const sim = await fx.sim(device.id, 1);
      const found = await expectStatus<RepairIntakeLookupDto>(
        clients.repair_intake,
        200,
        'GET',
        `/api/repair-tickets/intake-lookup/${device.imei2}`,
      );
      expect(found).toMatchObject({
        deviceId: device.id,
        imei: device.imei1,
        holderOfficerId: carol.id,
        holderName: carol.name,
        holderBadgeNo: carol.badgeNo,
        holderUnitName: '城关派出所',
        sims: [{ simId: sim.id, slot: 1, msisdn: sim.msisdn }],
        warrantyEndOn: '2028-11-20',
        inWarrantyToday: true,
        openTicketId: null,
      });
      const ticket = await intake('repair_intake', { deviceId: device.id });
      expect(
        (
          await expectStatus<RepairIntakeLookupDto>(
            clients.admin,
            200,
            'GET',
            `/api/repair-tickets/intake-lookup/${device.imei1}`,
          )
        ).openTicketId,
      ).toBe(ticket.id);
      const bad = await clients.admin.request(
        'GET',
        // The check digit changed (the fixture's IMEIs are random: never the same digit again).
        `/api/repair-tickets/intake-lookup/${device.imei1.slice(0, 14)}${(Number(device.imei1[14]) + 1) % 10}`,
      );
      expect(bad.status).toBe(400);
      expect((await json<ErrorBody>(bad)).errors[0].field).toBe('imei');
      expect(
        (await clients.officer.request('GET', `/api/repair-tickets/intake-lookup/${device.imei1}`)).status,
      ).toBe(403);
    });
  });

  describe('diagnosis and liability', () => {
    // Received 2023-06-15: the warranty ends 2026-06-15.
    const received = { receivedOn: '2023-06-15' };

    it('sets the liability by the rule, with its reason: quality the day before the warranty end is the carrier’s, on the end day the bureau’s', async () => {
      const before = await heldDevice(bob.id, received, '2026-06-01T09:00:00');
      const onEnd = await heldDevice(carol.id, received, '2026-06-01T09:00:00');
      const a = await intake('repair_intake', {
        deviceId: before.id,
        reportedAt: '2026-06-14T23:30:00+08:00',
      });
      const b = await intake('repair_intake', {
        deviceId: onEnd.id,
        reportedAt: '2026-06-15T00:10:00+08:00',
      });
      expect([a.warrantyEndOn, a.inWarranty, b.inWarranty]).toEqual(['2026-06-15', true, false]);
      const diagnosedA = await ok(a.id, 'diagnose', { cause: 'quality', diagnosis: '主板故障', quoteFen: 0 });
      expect(diagnosedA).toMatchObject({
        status: 'diagnosed',
        cause: 'quality',
        inWarranty: true,
        liability: 'carrier',
        liableOfficerId: null,
        liabilityOverridden: false,
        quoteFen: 0,
      });
      expect(diagnosedA.liabilityReason).toContain('在保修期内');
      const diagnosedB = await ok(b.id, 'diagnose', { cause: 'quality', diagnosis: '主板故障' });
      expect(diagnosedB).toMatchObject({ inWarranty: false, liability: 'bureau' });
      expect(diagnosedB.liabilityReasonEn).toContain(
        'not before the warranty end 2026-06-15: out of warranty',
      );
      const events = await expectStatus<RepairEventDto[]>(
        clients.admin,
        200,
        'GET',
        `/api/repair-tickets/${b.id}/events`,
      );
      expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
        'null→received',
        'received→diagnosed',
      ]);
      expect(events[1].username).toBe('repair_intake-user');
    });

    it('charges people-caused damage to whoever held the device when it was damaged, and to the bureau when nobody did', async () => {
      // Carol held the device until 2026-10-01, then Bob; it was dropped in September and reported in October.
      const device = await fx.device();
      await fx.db.manager.insert(AssignmentEntity, [
        {
          deviceId: device.id,
          officerId: carol.id,
          startAt: cst('2026-09-01T09:00:00'),
          endAt: cst('2026-10-01T09:00:00'),
        },
        { deviceId: device.id, officerId: bob.id, startAt: cst('2026-10-01T09:00:00') },
      ]);
      await fx.db.manager.update(DeviceEntity, device.id, { status: 'assigned', currentOfficerId: bob.id });
      const ticket = await intake('repair_intake', {
        deviceId: device.id,
        reportedAt: '2026-10-08T10:00:00+08:00',
      });
      expect(ticket).toMatchObject({ reportedByOfficerId: bob.id, holderOfficerId: bob.id });
      const diagnosed = await ok(ticket.id, 'diagnose', {
        cause: 'drop',
        diagnosis: '摔落致屏幕总成损坏',
        damagedAt: '2026-09-20T15:00:00+08:00',
        quoteFen: 45000,
      });
      expect(diagnosed).toMatchObject({
        liability: 'officer',
        liableOfficerId: carol.id,
        holderOfficerId: carol.id,
      });
      expect(diagnosed.liabilityReason).toContain('摔落');

      const unheld = await fx.device();
      const nobody = await intake('repair_intake', { deviceId: unheld.id });
      expect((await ok(nobody.id, 'diagnose', { cause: 'water', diagnosis: '进水' })).liability).toBe(
        'bureau',
      );
      const later = await clients.repair_intake.request('POST', `/api/repair-tickets/${nobody.id}/diagnose`, {
        cause: 'water',
        diagnosis: 'x',
      });
      expect(later.status).toBe(409);
    });

    it('lets an admin override the liability with a written reason, audited before and after; repair intake may not', async () => {
      const device = await heldDevice(bob.id);
      const ticket = await intake('repair_intake', { deviceId: device.id });
      const early = await act(ticket.id, 'liability', { liability: 'bureau', reason: '执勤中损坏' }, 'admin');
      expect(early.status).toBe(409);
      await ok(ticket.id, 'diagnose', { cause: 'screen', diagnosis: '屏幕碎裂' });
      expect((await act(ticket.id, 'liability', { liability: 'bureau', reason: '执勤中损坏' })).status).toBe(
        403,
      );
      const short = await act(ticket.id, 'liability', { liability: 'bureau', reason: '公务' }, 'admin');
      expect(short.status).toBe(400);
      expect((await json<ErrorBody>(short)).errors[0].field).toBe('reason');
      const noOfficer = await act(
        ticket.id,
        'liability',
        { liability: 'officer', reason: '改由他人承担' },
        'admin',
      );
      expect((await json<ErrorBody>(noOfficer)).errors[0].field).toBe('liableOfficerId');

      const reason = '经调查系执勤中被嫌疑人打落，按公务损坏处理';
      const overridden = await ok(ticket.id, 'liability', { liability: 'bureau', reason }, 'admin');
      expect(overridden).toMatchObject({
        liability: 'bureau',
        liableOfficerId: null,
        liabilityReason: reason,
        liabilityOverridden: true,
      });
      const audit = await fx.audit('repair-tickets', ticket.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'update',
        username: 'admin',
        before: expect.objectContaining({
          liability: 'officer',
          liableOfficerId: bob.id,
          liabilityOverridden: false,
        }),
        after: expect.objectContaining({
          liability: 'bureau',
          liabilityReason: reason,
          liabilityOverridden: true,
        }),
      });
    });
  });

  describe('the status flow', () => {
    const STATUSES = [
      'received',
      'diagnosed',
      'sent_out',
      'returned',
      'replaced',
      'beyond_repair',
      'closed',
      'cancelled',
    ] as const;
    /** Each action and the status it moves to, with a valid body. */
    const ACTIONS = [
      { action: 'diagnose', to: 'diagnosed', body: { cause: 'quality', diagnosis: '检测' } },
      { action: 'send', to: 'sent_out', body: { vendor: '华为服务中心', trackingNote: '顺丰 SF1' } },
      { action: 'return', to: 'returned', body: { outcome: 'returned' } },
      { action: 'return', to: 'replaced', body: { outcome: 'replaced', replacementDeviceId: 999999 } },
      { action: 'return', to: 'beyond_repair', body: { outcome: 'beyond_repair' } },
      { action: 'close', to: 'closed', body: { finalCostFen: 100 } },
      { action: 'cancel', to: 'cancelled', body: { reason: '误报' } },
    ] as const;
    const ALLOWED = new Set([
      'received→diagnosed',
      'received→cancelled',
      'diagnosed→sent_out',
      'diagnosed→returned',
      'diagnosed→replaced',
      'diagnosed→beyond_repair',
      'diagnosed→cancelled',
      'sent_out→returned',
      'sent_out→replaced',
      'sent_out→beyond_repair',
      'returned→closed',
      'replaced→closed',
      'beyond_repair→closed',
    ]);

    /** A ticket brought to `status` through the API. */
    const ticketIn = async (status: (typeof STATUSES)[number]): Promise<RepairTicketDto> => {
      const device = await fx.device();
      const t = await intake('repair_intake', { deviceId: device.id });
      if (status === 'received') return t;
      if (status === 'cancelled') return ok(t.id, 'cancel', { reason: '误报' });
      await ok(t.id, 'diagnose', { cause: 'quality', diagnosis: '检测' });
      if (status === 'diagnosed')
        return await expectStatus<RepairTicketDto>(clients.admin, 200, 'GET', `/api/repair-tickets/${t.id}`);
      await ok(t.id, 'send', { vendor: '华为服务中心', trackingNote: '顺丰 SF1' });
      if (status === 'sent_out')
        return await expectStatus<RepairTicketDto>(clients.admin, 200, 'GET', `/api/repair-tickets/${t.id}`);
      const outcome = status === 'closed' ? 'returned' : status;
      const replacement = outcome === 'replaced' ? (await fx.device()).id : null;
      const back = await ok(t.id, 'return', { outcome, replacementDeviceId: replacement });
      return status === 'closed' ? ok(t.id, 'close', { finalCostFen: 0 }) : back;
    };

    it('answers 409 naming both statuses for every move the flow refuses, and changes nothing', async () => {
      const failures: string[] = [];
      for (const status of STATUSES) {
        const ticket = await ticketIn(status);
        expect(ticket.status).toBe(status);
        for (const { action, to, body } of ACTIONS) {
          if (ALLOWED.has(`${status}→${to}`)) continue;
          const response = await act(ticket.id, action, body);
          const text = await response.text();
          if (response.status !== 409 || !text.includes('维修单状态为')) {
            failures.push(`${status}→${to}: ${response.status} ${text}`);
          }
        }
        const after = await expectStatus<RepairTicketDto>(
          clients.admin,
          200,
          'GET',
          `/api/repair-tickets/${ticket.id}`,
        );
        expect(after.status).toBe(status);
      }
      expect(failures).toEqual([]);
    }, 60_000);

    it('timestamps and audits every allowed step: received → diagnosed → sent out → returned → closed', async () => {
      const device = await heldDevice(bob.id);
      const t = await intake('repair_intake', { deviceId: device.id });
      await ok(t.id, 'diagnose', { cause: 'screen', diagnosis: '屏幕总成损坏', quoteFen: 45000 });
      const sent = await ok(t.id, 'send', { vendor: '华为授权服务中心', trackingNote: '顺丰 SF1234567890' });
      expect(sent).toMatchObject({
        status: 'sent_out',
        vendor: '华为授权服务中心',
        trackingNote: '顺丰 SF1234567890',
      });
      const back = await ok(t.id, 'return', { outcome: 'returned', finalCostFen: 45000, note: '已更换屏幕' });
      expect(back).toMatchObject({ status: 'returned', costFen: 45000 });
      expect((await fx.db.manager.findOneByOrFail(DeviceEntity, { id: device.id })).status).toBe('in_stock');
      const noCost = await ok(t.id, 'close', {});
      expect(noCost).toMatchObject({ status: 'closed', costFen: 45000, nextStatuses: [] });
      expect(noCost.chargePeriod).toMatch(/^\d{4}-\d{2}$/);
      expect((await clients.officer.request('GET', `/api/repair-tickets/${t.id}/events`)).status).toBe(404);
      const all = await expectStatus<RepairEventDto[]>(
        clients.admin,
        200,
        'GET',
        `/api/repair-tickets/${t.id}/events`,
      );
      expect(all.map((e) => e.toStatus)).toEqual(['received', 'diagnosed', 'sent_out', 'returned', 'closed']);
      expect(all.map((e) => e.note)).toContain('已更换屏幕');
      expect((await fx.audit('repair-tickets', t.id)).map((a) => a.action)).toEqual([
        'create',
        'update',
        'update',
        'update',
        'update',
      ]);
    });

    it('replaces a device: the new one recorded, the old one retired, its SIMs moved into the new one; closing needs a cost', async () => {
      const device = await heldDevice(bob.id);
      const sim = await fx.sim(device.id, 2);
      const t = await intake('repair_intake', { deviceId: device.id });
      await ok(t.id, 'diagnose', { cause: 'quality', diagnosis: '主板故障' });
      const assigned = await heldDevice(carol.id);
      const busy = await act(t.id, 'return', { outcome: 'replaced', replacementDeviceId: assigned.id });
      expect(busy.status).toBe(409);
      const missing = await act(t.id, 'return', { outcome: 'replaced' });
      expect((await json<ErrorBody>(missing)).errors[0].field).toBe('replacementDeviceId');
      const fresh = await fx.device();
      const replaced = await ok(t.id, 'return', { outcome: 'replaced', replacementDeviceId: fresh.id });
      expect(replaced).toMatchObject({ status: 'replaced', replacementDeviceId: fresh.id });
      expect((await fx.db.manager.findOneByOrFail(DeviceEntity, { id: device.id })).status).toBe('retired');
      expect(await fx.db.manager.findOneByOrFail(SimCardEntity, { id: sim.id })).toMatchObject({
        deviceId: fresh.id,
        slot: 2,
      });
      const noCost = await act(t.id, 'close', {});
      expect(noCost.status).toBe(400);
      expect((await json<ErrorBody>(noCost)).errors[0].field).toBe('finalCostFen');
      expect((await act(t.id, 'close', { finalCostFen: -1 })).status).toBe(400);
      expect((await ok(t.id, 'close', { finalCostFen: 0 })).costFen).toBe(0);
    });
  });

  describe('photos', () => {
    it('accepts JPEG and PNG decoded and encoded again, refuses a text file named .jpg (400) and an oversize one (413), serves what it stored', async () => {
      const device = await heldDevice(alice.id, {}, '2025-12-03T09:00:00');
      const ticket = await intake('officer', { deviceId: device.id });
      const jpeg = await uploadPhoto('officer', ticket.id, JPEG, 'damage.jpg');
      expect(jpeg.status).toBe(201);
      const jpegDto = await json<RepairPhotoDto>(jpeg);
      expect(jpegDto).toMatchObject({
        ticketId: ticket.id,
        fileName: 'damage.jpg',
        contentType: 'image/jpeg',
        sizeBytes: expect.any(Number),
      });
      const png = await uploadPhoto('repair_intake', ticket.id, PNG, 'screenshot.dat');
      expect(png.status).toBe(201);
      expect((await json<RepairPhotoDto>(png)).contentType).toBe('image/png');

      const text = await uploadPhoto(
        'repair_intake',
        ticket.id,
        Buffer.from('not an image at all'),
        'fake.jpg',
      );
      expect(text.status).toBe(400);
      const refusal = await json<ErrorBody>(text);
      expect(refusal.errors[0]).toMatchObject({ field: 'file' });
      expect(refusal.errors[0].reason).toContain('JPEG');
      const big = await uploadPhoto(
        'repair_intake',
        ticket.id,
        Buffer.concat([JPEG, Buffer.alloc(PHOTO_MAX_BYTES)]),
        'big.jpg',
      );
      expect(big.status).toBe(413);

      const list = await expectStatus<RepairPhotoDto[]>(
        clients.auditor,
        200,
        'GET',
        `/api/repair-tickets/${ticket.id}/photos`,
      );
      expect(list.map((p) => p.contentType)).toEqual(['image/jpeg', 'image/png']);
      const bytes = await fetch(`${server.baseUrl}/api/repair-tickets/${ticket.id}/photos/${jpegDto.id}`, {
        headers: { authorization: `Bearer ${tokens.officer}` },
      });
      expect(bytes.status).toBe(200);
      expect(bytes.headers.get('content-type')).toBe('image/jpeg');
      expect(bytes.headers.get('x-content-type-options')).toBe('nosniff');
      const served = Buffer.from(await bytes.arrayBuffer());
      expect(served.length).toBe(jpegDto.sizeBytes);
      // Encoded again: the same picture, without the metadata it came with.
      expect(await sharp(served).metadata()).toMatchObject({ format: 'jpeg', width: 32, height: 24 });
      expect((await sharp(JPEG).metadata()).exif).toBeDefined();
      expect((await sharp(served).metadata()).exif).toBeUndefined();
      const stored = await fx.db.query('SELECT stored_path FROM repair_photos WHERE id = $1', [jpegDto.id]);
      expect(existsSync(join(photoDir, (stored as { stored_path: string }[])[0].stored_path))).toBe(true);

      const others = await intake('repair_intake', { deviceId: (await heldDevice(bob.id)).id });
      expect((await uploadPhoto('officer', others.id, JPEG, 'x.jpg')).status).toBe(404);
      expect((await uploadPhoto('auditor', ticket.id, JPEG, 'x.jpg')).status).toBe(403);
    });

    it.each([
      ['a 6-byte "JPEG"', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), /不是 JPEG、PNG 或 WebP/],
      [
        'a PNG header followed by HTML',
        () => Buffer.concat([PNG.subarray(0, 16), Buffer.from('<html><script>alert(1)</script></html>')]),
        /PNG 图片已损坏或不完整|不是 JPEG、PNG 或 WebP/,
      ],
      ['a JPEG cut short', () => NOISY_JPEG.subarray(0, NOISY_JPEG.length / 2), /JPEG 图片已损坏或不完整/],
      [
        'an SVG',
        () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
        /不是 JPEG/,
      ],
    ])('refuses %s with 400 on file, storing nothing', async (_what, content, reason) => {
      const device = await heldDevice(alice.id);
      const ticket = await intake('repair_intake', { deviceId: device.id });
      const refused = await uploadPhoto('repair_intake', ticket.id, content(), 'photo.jpg');
      expect(refused.status).toBe(400);
      const body = await json<ErrorBody>(refused);
      expect(body.errors).toEqual([{ field: 'file', reason: expect.stringMatching(reason) }]);
      expect(await fx.db.query('SELECT id FROM repair_photos WHERE ticket_id = $1', [ticket.id])).toEqual([]);
    });

    it('refuses a picture above REPAIR_PHOTO_MAX_PIXELS before decoding it', async () => {
      const device = await heldDevice(alice.id);
      const ticket = await intake('repair_intake', { deviceId: device.id });
      const wide = await picture(200, 60).png({ compressionLevel: 9 }).toBuffer();
      const refused = await uploadPhoto('repair_intake', ticket.id, wide, 'wide.png');
      expect(refused.status).toBe(400);
      expect((await json<ErrorBody>(refused)).errors[0].reason).toContain('200×60');
    });
  });

  describe('loaners', () => {
    it('hands out a loaner with the SIMs moved in, and takes it back with the SIMs moved back, all in the custody history', async () => {
      // An officer holding no other device: the loaner is handed over under the one-device rule.
      const erin = await fx.officer(alice.unitId);
      const device = await heldDevice(erin.id, {}, '2025-12-04T09:00:00');
      const sims = [await fx.sim(device.id, 1), await fx.sim(device.id, 2)];
      const ticket = await intake('repair_intake', { deviceId: device.id });
      const loaner = await fx.device();
      const out = await ok(ticket.id, 'loaner', { loanerDeviceId: loaner.id, moveSim: true });
      expect(out).toMatchObject({
        loanerDeviceId: loaner.id,
        loanerBackAt: null,
        loanerSimIds: sims.map((s) => s.id),
      });
      expect(await fx.db.manager.findOneByOrFail(DeviceEntity, { id: loaner.id })).toMatchObject({
        status: 'assigned',
        currentOfficerId: erin.id,
      });
      for (const sim of sims) {
        expect(await fx.db.manager.findOneByOrFail(SimCardEntity, { id: sim.id })).toMatchObject({
          deviceId: loaner.id,
          slot: sim.slot,
        });
      }
      expect(
        (await act(ticket.id, 'loaner', { loanerDeviceId: (await fx.device()).id, moveSim: false })).status,
      ).toBe(409);

      await ok(ticket.id, 'diagnose', { cause: 'quality', diagnosis: '电池鼓包' });
      await ok(ticket.id, 'return', { outcome: 'returned', finalCostFen: 0 });
      const early = await act(ticket.id, 'close', {});
      expect(early.status).toBe(409);
      expect((await json<ErrorBody>(early)).message).toContain('备用机');

      const back = await ok(ticket.id, 'loaner/return', { moveSimBack: true });
      expect(back.loanerBackAt).not.toBeNull();
      expect(await fx.db.manager.findOneByOrFail(DeviceEntity, { id: loaner.id })).toMatchObject({
        status: 'in_stock',
        currentOfficerId: null,
      });
      const history = await expectStatus<{ deviceId: number; slot: number; endAt: string | null }[]>(
        clients.admin,
        200,
        'GET',
        `/api/sim-installations${filterQuery({ simId: sims[0].id }, { sort: JSON.stringify(['startAt', 'ASC']) })}`,
      );
      expect(history.map((h) => [h.deviceId, h.slot, h.endAt === null])).toEqual([
        [device.id, 1, false],
        [loaner.id, 1, false],
        [device.id, 1, true],
      ]);
      const timeline = await expectStatus<{ kind: string; officerId: number | null }[]>(
        clients.admin,
        200,
        'GET',
        `/api/devices/${loaner.id}/timeline`,
      );
      expect(timeline.map((e) => e.kind).sort()).toEqual([
        'assigned',
        'returned',
        'sim_installed',
        'sim_installed',
        'sim_removed',
        'sim_removed',
      ]);
      expect((await ok(ticket.id, 'close', {})).status).toBe('closed');
      expect((await act(ticket.id, 'loaner/return', { moveSimBack: false })).status).toBe(409);
    });
  });

  describe('receipt', () => {
    it('prints the 维修接收单 in Chinese with signature lines, every value escaped', async () => {
      const device = await heldDevice(bob.id);
      const ticket = await intake('repair_intake', {
        deviceId: device.id,
        fault: '<script>alert(1)</script> 屏幕花屏',
        accessories: ['充电器 & 数据线'],
      });
      const response = await clients.auditor.request('GET', `/api/repair-tickets/${ticket.id}/receipt`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('维修接收单');
      expect(html).toContain(ticket.ticketNo);
      expect(html).toContain(device.imei1);
      expect(html).toContain(`${bob.name}（警号 ${bob.badgeNo}）`);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 屏幕花屏');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('充电器 &amp; 数据线');
      expect(html).toContain('在保修期内（保修截止 2028-11-20）');
      expect(html).toContain('送修人（签字）');
      expect(html).toContain('接收人（签字）');
      expect((await clients.officer.request('GET', `/api/repair-tickets/${ticket.id}/receipt`)).status).toBe(
        404,
      );
    });
  });

  describe('charges on the month’s statements', () => {
    it('puts an officer-liable repair on that officer’s statement, a bureau-liable one on the bureau summary, a carrier-liable one nowhere; a later close amends', async () => {
      const closeTicket = async (
        holder: number,
        cause: RepairCause,
        cost: number,
      ): Promise<RepairTicketDto> => {
        const device = await heldDevice(holder);
        const t = await intake('repair_intake', { deviceId: device.id });
        await ok(t.id, 'diagnose', { cause, diagnosis: '检测' });
        await ok(t.id, 'return', { outcome: 'returned', finalCostFen: cost });
        return ok(t.id, 'close', {});
      };
      const officerPays = await closeTicket(carol.id, 'screen', 45000);
      const bureauPays = await closeTicket(bob.id, 'force_majeure', 12000);
      const carrierPays = await closeTicket(bob.id, 'quality', 30000);
      expect([officerPays.liability, bureauPays.liability, carrierPays.liability]).toEqual([
        'officer',
        'bureau',
        'carrier',
      ]);
      const period = officerPays.chargePeriod!;

      await expectStatus(clients.admin, 200, 'POST', `/api/periods/${period}/close`);
      const statements = async () => {
        const list = await expectStatus<{ id: number; officerId: number | null; status: string }[]>(
          clients.admin,
          200,
          'GET',
          `/api/statements${filterQuery({ period, status: 'issued' }, { range: '[0,499]' })}`,
        );
        return Promise.all(
          list.map((s) =>
            expectStatus<StatementWithLinesDto>(clients.admin, 200, 'GET', `/api/statements/${s.id}`),
          ),
        );
      };
      const first = await statements();
      const carols = first.find((s) => s.officerId === carol.id)!;
      expect(carols.lines).toContainEqual(
        expect.objectContaining({
          category: 'repair',
          simId: null,
          repairTicketId: officerPays.id,
          amountFen: 45000,
          payer: 'officer',
        }),
      );
      const bureau = first.find((s) => s.officerId === null)!;
      expect(bureau.lines).toContainEqual(
        expect.objectContaining({
          category: 'repair',
          repairTicketId: bureauPays.id,
          amountFen: 12000,
          payer: 'bureau',
        }),
      );
      const charged = first.flatMap((s) => s.lines.map((l) => l.repairTicketId));
      expect(charged).not.toContain(carrierPays.id);
      expect(
        first.find((s) => s.officerId === bob.id)?.lines.some((l) => l.repairTicketId === bureauPays.id) ??
          false,
      ).toBe(false);

      const printed = await (await clients.admin.request('GET', `/api/statements/${carols.id}/print`)).text();
      expect(printed).toContain('维修费用');
      expect(printed).toContain(officerPays.ticketNo);
      expect(printed).toContain('450.00');

      // A repair closed after the month was closed lands on the amended statement of the next close.
      const late = await closeTicket(carol.id, 'water', 8800);
      await expectStatus(clients.admin, 200, 'POST', `/api/periods/${period}/close`);
      const second = await statements();
      const amended = second.find((s) => s.officerId === carol.id)!;
      expect(amended.version).toBe(carols.version + 1);
      expect(amended.previousTotalFen).toBe(carols.totalFen);
      expect(amended.totalFen).toBe(carols.totalFen + 8800);
      expect(
        amended.lines
          .filter((l) => l.category === 'repair')
          .map((l) => l.repairTicketId)
          .sort(),
      ).toEqual([officerPays.id, late.id].sort());
      const unchanged = second.find((s) => s.officerId === null)!;
      expect(unchanged.id).toBe(bureau.id);
    });
  });

  describe('reports', () => {
    it('counts and sums repairs by cause, payer, unit and month reported, and finds devices with repeated faults', async () => {
      const unit = await fx.unit('阿热勒派出所');
      const dan = await fx.officer(unit.id);
      // Three tickets reported in 2025-12 (only these fall in that month), one cancelled.
      const report = async (
        cause: 'drop' | 'quality' | null,
        cost: number | null,
        reportedAt: string,
        deviceId?: number,
      ) => {
        const device = deviceId ?? (await heldDevice(dan.id, {}, '2025-12-01T08:00:00')).id;
        const t = await intake('repair_intake', { deviceId: device, reportedAt });
        if (!cause) return ok(t.id, 'cancel', { reason: '误报' });
        await ok(t.id, 'diagnose', { cause, diagnosis: '检测' });
        await ok(t.id, 'return', { outcome: 'returned', finalCostFen: cost });
        return ok(t.id, 'close', {});
      };
      const dropped = await report('drop', 20000, '2025-12-05T10:00:00+08:00');
      await report('quality', 5000, '2025-12-20T10:00:00+08:00');
      await report(null, null, '2025-12-21T10:00:00+08:00');
      // The first device breaks again in 2026-01 (out of the month, but a repeated fault).
      await report('drop', 3000, '2026-01-10T10:00:00+08:00', dropped.deviceId);

      const summary = (groupBy: string, from = '2025-12', to = '2025-12') =>
        expectStatus<RepairSummaryRowDto[]>(
          clients.auditor,
          200,
          'GET',
          `/api/repair-reports/summary?groupBy=${groupBy}&from=${from}&to=${to}`,
        );
      expect(await summary('cause')).toEqual([
        { key: 'drop', label: '摔落', tickets: 1, costFen: 20000, officerFen: 20000, bureauFen: 0 },
        {
          key: 'quality',
          label: '质量问题（非人为损坏）',
          tickets: 1,
          costFen: 5000,
          officerFen: 0,
          bureauFen: 0,
        },
      ]);
      expect(await summary('payer')).toEqual([
        { key: 'carrier', label: '运营商（保修）', tickets: 1, costFen: 5000, officerFen: 0, bureauFen: 0 },
        {
          key: 'officer',
          label: '使用人（警员）',
          tickets: 1,
          costFen: 20000,
          officerFen: 20000,
          bureauFen: 0,
        },
      ]);
      expect(await summary('unit')).toEqual([
        {
          key: String(unit.id),
          label: '阿热勒派出所',
          tickets: 2,
          costFen: 25000,
          officerFen: 20000,
          bureauFen: 0,
        },
      ]);
      expect(await summary('month', '2025-12', '2026-01')).toEqual([
        { key: '2025-12', label: '2025-12', tickets: 2, costFen: 25000, officerFen: 20000, bureauFen: 0 },
        { key: '2026-01', label: '2026-01', tickets: 1, costFen: 3000, officerFen: 0, bureauFen: 3000 },
      ]);
      const badGroup = await clients.admin.request('GET', '/api/repair-reports/summary?groupBy=color');
      expect((await json<ErrorBody>(badGroup)).errors[0].field).toBe('groupBy');
      expect((await clients.officer.request('GET', '/api/repair-reports/summary?groupBy=cause')).status).toBe(
        403,
      );

      const repeated = await expectStatus<RepeatedFaultDto[]>(
        clients.repair_intake,
        200,
        'GET',
        '/api/repair-reports/repeated?minTickets=2&months=12',
      );
      const mine = repeated.find((r) => r.deviceId === dropped.deviceId);
      expect(mine).toMatchObject({
        imei: dropped.imei,
        tickets: 2,
        causes: ['drop'],
        lastReportedAt: '2026-01-10T02:00:00.000Z',
      });
      expect(repeated.every((r) => r.tickets >= 2)).toBe(true);
      const recent = await expectStatus<RepeatedFaultDto[]>(
        clients.repair_intake,
        200,
        'GET',
        '/api/repair-reports/repeated?minTickets=2&months=3',
      );
      expect(recent.some((r) => r.deviceId === dropped.deviceId)).toBe(false);
    });
  });

  describe('officer isolation', () => {
    it('shows an officer only tickets they reported, held or pay for; filters and q cannot widen it; any other id answers 404', async () => {
      const own = await intake('officer', {
        deviceId: (await heldDevice(alice.id, {}, '2025-12-05T09:00:00')).id,
      });
      const others = await intake('repair_intake', {
        deviceId: (await heldDevice(bob.id)).id,
        fault: '独有故障描述',
      });
      // Alice pays for a repair of a device Bob reported (admin's decision).
      const charged = await intake('repair_intake', { deviceId: (await heldDevice(bob.id)).id });
      await ok(charged.id, 'diagnose', { cause: 'quality', diagnosis: '检测' });
      await ok(
        charged.id,
        'liability',
        { liability: 'officer', liableOfficerId: alice.id, reason: '经核实系借用期间损坏' },
        'admin',
      );

      const list = async (filter: object) => {
        const response = await clients.officer.request(
          'GET',
          `/api/repair-tickets${filterQuery(filter, { range: '[0,499]' })}`,
        );
        expect(response.status).toBe(200);
        return (await json<RepairTicketDto[]>(response)).map((t) => t.id);
      };
      const visible = await list({});
      expect(visible).toEqual(expect.arrayContaining([own.id, charged.id]));
      expect(visible).not.toContain(others.id);
      const all = await fx.db.manager.find(RepairTicketEntity);
      const expected = all
        .filter((t) => [t.reportedByOfficerId, t.holderOfficerId, t.liableOfficerId].includes(alice.id))
        .map((t) => t.id);
      expect([...visible].sort()).toEqual([...expected].sort());
      expect(await list({ officerId: bob.id })).not.toContain(others.id);
      expect(await list({ q: '独有故障' })).toEqual([]);
      expect(await list({ q: others.imei })).toEqual([]);
      expect(await list({ deviceId: others.deviceId })).toEqual([]);
      expect(await list({ id: [others.id] })).toEqual([]);
      for (const path of ['', '/events', '/photos', '/receipt']) {
        expect((await clients.officer.request('GET', `/api/repair-tickets/${others.id}${path}`)).status).toBe(
          404,
        );
      }
      expect((await clients.officer.request('GET', `/api/repair-tickets/${charged.id}`)).status).toBe(200);

      // Staff filters: the officer filter matches reporter, holder or liable officer; q matches IMEI and fault.
      const staff = await expectStatus<RepairTicketDto[]>(
        clients.auditor,
        200,
        'GET',
        `/api/repair-tickets${filterQuery({ officerId: alice.id }, { range: '[0,499]' })}`,
      );
      expect(staff.map((t) => t.id)).toEqual(expect.arrayContaining([own.id, charged.id]));
      const byImei = await expectStatus<RepairTicketDto[]>(
        clients.auditor,
        200,
        'GET',
        `/api/repair-tickets${filterQuery({ q: others.imei.slice(3) })}`,
      );
      expect(byImei.map((t) => t.id)).toEqual([others.id]);
      // The unit filter: tickets whose holder is in the unit or a unit under it; a unit without officers has none.
      const byUnit = async (unitId: number) =>
        (
          await expectStatus<RepairTicketDto[]>(
            clients.auditor,
            200,
            'GET',
            `/api/repair-tickets${filterQuery({ unitId }, { range: '[0,499]' })}`,
          )
        )
          .map((t) => t.id)
          .sort((x, y) => x - y);
      const inUnit: { id: number }[] = await fx.db.query(
        `WITH RECURSIVE tree(id) AS (SELECT $1::int UNION SELECT c.id FROM units c JOIN tree ON c.parent_id = tree.id)
         SELECT t.id FROM repair_tickets t JOIN officers o ON o.id = t.holder_officer_id
          WHERE o.unit_id IN (SELECT id FROM tree) ORDER BY t.id`,
        [alice.unitId],
      );
      expect(inUnit.length).toBeGreaterThan(0);
      expect(await byUnit(alice.unitId)).toEqual(inUnit.map((t) => t.id));
      expect(await byUnit((await fx.unit('无人单位')).id)).toEqual([]);
      const officerExport = await clients.officer.request('GET', '/api/exports/repair-tickets?format=csv');
      expect(officerExport.status).toBe(200);
      const csv = await officerExport.text();
      expect(csv).toContain(own.ticketNo);
      expect(csv).not.toContain(others.ticketNo);
    });
  });
});
