import type { RepairCause } from '@fleet/domain/repairs';
import type { RepairTicketDto, Role, StatementWithLinesDto } from '@fleet/shared/contracts';
import { AssignmentEntity, DeviceEntity, type OfficerEntity } from '@fleet/server/persistence';
import {
  ApiClient,
  clientsByRole,
  createLogin,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';

const cst = (local: string) => new Date(`${local}+08:00`);

interface ErrorBody {
  message: string;
}

/**
 * Four eyes on money (issue 12 item 9): an officer-liable repair charge above
 * REPAIR_APPROVAL_THRESHOLD_FEN (default 20000 fen) and every liability override wait for a second
 * admin before they reach a statement; nobody approves their own.
 */
describe('repair charges that wait for a second admin', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  /** A second system administrator, made by the secadmin. */
  let second: ApiClient;
  let secondEn: ApiClient;
  let alice: OfficerEntity;
  let bob: OfficerEntity;
  let period: string;

  const ok = async (
    client: ApiClient,
    id: number,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<RepairTicketDto> =>
    expectStatus<RepairTicketDto>(client, 200, 'POST', `/api/repair-tickets/${id}/${action}`, body);

  /** A ticket of a device Bob held, diagnosed with the cause, returned at the cost and closed by `closer`. */
  const closedTicket = async (
    cause: RepairCause,
    cost: number,
    closer: ApiClient = clients.repair_intake,
    override?: Record<string, unknown>,
  ): Promise<RepairTicketDto> => {
    const device = await fx.device();
    await fx.db.manager.insert(AssignmentEntity, {
      deviceId: device.id,
      officerId: bob.id,
      startAt: cst('2025-12-01T09:00:00'),
    });
    await fx.db.manager.update(DeviceEntity, device.id, { status: 'assigned', currentOfficerId: bob.id });
    const t = await expectStatus<RepairTicketDto>(clients.repair_intake, 201, 'POST', '/api/repair-tickets', {
      deviceId: device.id,
      fault: '屏幕碎裂',
    });
    await ok(clients.repair_intake, t.id, 'diagnose', { cause, diagnosis: '检测' });
    if (override) await ok(clients.admin, t.id, 'liability', override);
    await ok(clients.repair_intake, t.id, 'return', { outcome: 'returned', finalCostFen: cost });
    return ok(closer, t.id, 'close', {});
  };

  const closeMonth = () => expectStatus(clients.admin, 200, 'POST', `/api/periods/${period}/close`);

  /** The repair tickets billed on the month's issued statements (officer's and bureau's). */
  const billed = async (): Promise<Map<number, { officerId: number | null; amountFen: number }>> => {
    const list = await expectStatus<{ id: number }[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ period, status: 'issued' }, { range: '[0,499]' })}`,
    );
    const lines = new Map<number, { officerId: number | null; amountFen: number }>();
    for (const { id } of list) {
      const s = await expectStatus<StatementWithLinesDto>(clients.admin, 200, 'GET', `/api/statements/${id}`);
      for (const l of s.lines) {
        if (l.repairTicketId) lines.set(l.repairTicketId, { officerId: s.officerId, amountFen: l.amountFen });
      }
    }
    return lines;
  };

  beforeAll(async () => {
    // The default threshold (20000 fen) is what is tested.
    server = await startTestServer({ CLOCK_START: '2026-11-25T12:00:00+08:00' });
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    [alice, bob] = [await fx.officer(unit.id), await fx.officer(unit.id)];
    clients = await clientsByRole(server, alice.id);
    const made = await createLogin(server, { username: 'admin-two', role: 'admin' });
    second = made.client;
    secondEn = new ApiClient(server.baseUrl, 'en');
    await secondEn.login('admin-two', made.password);
    period = '2026-11';
  }, 90_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('holds an officer charge above 200.00 CNY off the statement until a second admin approves it; its own admin may not', async () => {
    const over = await closedTicket('screen', 45_000, clients.admin);
    expect(over).toMatchObject({
      liability: 'officer',
      liableOfficerId: bob.id,
      chargePeriod: period,
      approvalStatus: 'pending',
      approvalCauses: ['amount'],
    });
    await closeMonth();
    expect((await billed()).has(over.id)).toBe(false);
    // The second admin finds it among the charges waiting (待复核).
    const waiting = await expectStatus<RepairTicketDto[]>(
      second,
      200,
      'GET',
      `/api/repair-tickets${filterQuery({ approvalStatus: 'pending' }, { range: '[0,499]' })}`,
    );
    expect(waiting.map((t) => t.id)).toEqual([over.id]);

    // The admin who closed it at that cost may not approve it (nor reject it), in either language.
    const own = await clients.admin.request('POST', `/api/repair-tickets/${over.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(((await own.json()) as ErrorBody).message).toContain('不能批准本人提交的维修费用');
    const ownReject = await clients.admin.request('POST', `/api/repair-tickets/${over.id}/reject`, {
      reason: '金额有误',
    });
    expect(ownReject.status).toBe(403);
    // Repair intake and auditors are no approvers at all.
    expect(
      (await clients.repair_intake.request('POST', `/api/repair-tickets/${over.id}/approve`, {})).status,
    ).toBe(403);
    expect((await clients.auditor.request('POST', `/api/repair-tickets/${over.id}/approve`, {})).status).toBe(
      403,
    );

    const approved = await ok(second, over.id, 'approve', { reason: '已核对维修商发票' });
    expect(approved).toMatchObject({ approvalStatus: 'approved', approvalReason: '已核对维修商发票' });
    // When, by the product's clock (started at 2026-11-25 12:00 China time).
    expect(approved.approvalDecidedAt?.slice(0, 10)).toBe('2026-11-25');
    // Nothing waits any more: a second approval answers 409.
    expect((await second.request('POST', `/api/repair-tickets/${over.id}/approve`, {})).status).toBe(409);

    // The month closed again carries it on Bob's (amended) statement.
    await closeMonth();
    expect((await billed()).get(over.id)).toEqual({ officerId: bob.id, amountFen: 45_000 });

    const audit = await fx.audit('repair-tickets', over.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      username: 'admin-two',
      before: expect.objectContaining({ approvalStatus: 'pending' }),
      after: expect.objectContaining({ approvalStatus: 'approved' }),
    });
  });

  it('says in English why the requester may not approve', async () => {
    const over = await closedTicket('water', 30_000, secondEn);
    const own = await secondEn.request('POST', `/api/repair-tickets/${over.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(((await own.json()) as ErrorBody).message).toContain('you made yourself');
    // A rejection needs a reason, and keeps the charge off for good.
    expect((await clients.admin.request('POST', `/api/repair-tickets/${over.id}/reject`, {})).status).toBe(
      400,
    );
    const rejected = await ok(clients.admin, over.id, 'reject', { reason: '费用与报价不符，退回重核' });
    expect(rejected.approvalStatus).toBe('rejected');
    await closeMonth();
    expect((await billed()).has(over.id)).toBe(false);
  });

  it('holds a liability override the same way, also for the bureau and under the threshold', async () => {
    const moved = await closedTicket('quality', 8_000, clients.repair_intake, {
      liability: 'officer',
      liableOfficerId: alice.id,
      reason: '经核实系借用期间损坏',
    });
    expect(moved).toMatchObject({
      liability: 'officer',
      liableOfficerId: alice.id,
      liabilityOverridden: true,
      approvalStatus: 'pending',
      approvalCauses: ['override'],
    });
    const toBureau = await closedTicket('drop', 5_000, clients.repair_intake, {
      liability: 'bureau',
      reason: '执勤中被嫌疑人打落，按公务损坏处理',
    });
    expect(toBureau.approvalStatus).toBe('pending');
    await closeMonth();
    let lines = await billed();
    expect(lines.has(moved.id)).toBe(false);
    expect(lines.has(toBureau.id)).toBe(false);

    // The admin who made the override may not approve it; the second admin may.
    expect((await clients.admin.request('POST', `/api/repair-tickets/${moved.id}/approve`, {})).status).toBe(
      403,
    );
    await ok(second, moved.id, 'approve');
    await ok(second, toBureau.id, 'approve');
    await closeMonth();
    lines = await billed();
    expect(lines.get(moved.id)).toEqual({ officerId: alice.id, amountFen: 8_000 });
    expect(lines.get(toBureau.id)).toEqual({ officerId: null, amountFen: 5_000 });

    // An override after an approval waits again, and leaves the statement at the next close.
    await ok(clients.admin, moved.id, 'liability', { liability: 'bureau', reason: '复查后改由局承担' });
    const again = await expectStatus<RepairTicketDto>(
      clients.admin,
      200,
      'GET',
      `/api/repair-tickets/${moved.id}`,
    );
    expect(again).toMatchObject({ approvalStatus: 'pending', approvalDecidedByUserId: null });
    await closeMonth();
    expect((await billed()).has(moved.id)).toBe(false);
  });

  it('lets charges at or under the threshold, and bureau charges above it, straight through', async () => {
    const atThreshold = await closedTicket('screen', 20_000);
    const under = await closedTicket('drop', 12_000);
    const bureau = await closedTicket('force_majeure', 80_000);
    for (const t of [atThreshold, under, bureau]) {
      expect(t).toMatchObject({ approvalStatus: null, approvalCauses: [] });
    }
    await closeMonth();
    const lines = await billed();
    expect(lines.get(atThreshold.id)).toEqual({ officerId: bob.id, amountFen: 20_000 });
    expect(lines.get(under.id)).toEqual({ officerId: bob.id, amountFen: 12_000 });
    expect(lines.get(bureau.id)).toEqual({ officerId: null, amountFen: 80_000 });
    // Nothing to approve: 409.
    expect((await second.request('POST', `/api/repair-tickets/${under.id}/approve`, {})).status).toBe(409);
  });
});
