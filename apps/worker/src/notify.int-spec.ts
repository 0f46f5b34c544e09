import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { QueueName } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import { type OutboundMessage, webhookSignature } from '@fleet/server/platform';
import type { NotificationDto } from '@fleet/shared/contracts';
import { expectStatus, InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import {
  type ApiClient,
  clientsByRole,
  createLogin,
  startTestServer,
  type TestServer,
} from '../../../tools/test/test-server';
import { WorkerModule } from './worker.module';

const SECRET = 'gateway-shared-secret-7';

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** The bureau's gateway, played by a local HTTP server: its first answer to each notification is a 500. */
async function startGateway(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const seen = new Set<number>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const { id } = JSON.parse(body) as OutboundMessage;
      const status = seen.has(id) ? 200 : 500;
      seen.add(id);
      received.push({ body, headers: request.headers, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

const listOf = (client: ApiClient) =>
  expectStatus<NotificationDto[]>(client, 200, 'GET', '/api/notifications');
const unreadOf = async (client: ApiClient) =>
  (await expectStatus<{ count: number }>(client, 200, 'GET', '/api/notifications/unread-count')).count;

describe('notifications: the bell and the webhook', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let clients: Record<'admin' | 'officer' | 'auditor', ApiClient>;
  let bob: ApiClient;
  let aliceId: number;

  beforeAll(async () => {
    gateway = await startGateway();
    server = await startTestServer({
      NOTIFY_WEBHOOK_URL: gateway.url,
      NOTIFY_WEBHOOK_SECRET: SECRET,
      NOTIFY_WEBHOOK_BACKOFF_MS: '200',
    });
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    const alice = (await fx.officer(unit.id)).id;
    aliceId = alice;
    const bobId = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, alice);
    bob = (await createLogin(server, { username: 'bob', role: 'officer', officerId: bobId })).client;
    for (const [officer, minutes] of [
      [alice, 1603],
      [bobId, 1700],
    ]) {
      const device = await fx.device();
      await fx.assign(device, officer);
      const sim = await fx.sim(device.id, 1);
      await fx.db.query(
        `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
         VALUES ($1, '2026-01', $2, 0, 0, 0, 'summary')`,
        [sim.id, minutes],
      );
    }
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
    await new Promise((r) => gateway?.server.close(r));
  });

  it("a month close notifies each officer's login of their statement, seen by that login alone", async () => {
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-01/close');
    const mine = await listOf(clients.officer);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'statement_issued', readAt: null });
    expect(mine[0].title.zh).toMatch(/^2026-01 话费账单已出具：¥\d+\.\d\d/);
    expect(mine[0].link).toMatch(/^\/statements\/\d+\/show$/);
    const bobs = await listOf(bob);
    expect(bobs).toHaveLength(1);
    expect(bobs[0].id).not.toBe(mine[0].id);
    // The statement is the officer's own: the link opens for them.
    await expectStatus(clients.officer, 200, 'GET', `/api/${mine[0].link!.split('/').slice(1, 3).join('/')}`);
    for (const other of [clients.admin, clients.auditor]) {
      expect((await listOf(other)).filter((n) => n.kind === 'statement_issued')).toEqual([]);
    }
    const response = await clients.officer.request('GET', '/api/notifications');
    expect(response.headers.get('content-range')).toBe('notifications 0-0/1');
  });

  it('marks read per user: one, then all; another user’s id is not found', async () => {
    const [mine] = await listOf(clients.officer);
    const [bobs] = await listOf(bob);
    expect(await unreadOf(clients.officer)).toBe(1);
    await expectStatus(bob, 404, 'POST', `/api/notifications/${mine.id}/read`);
    await expectStatus(clients.auditor, 404, 'POST', `/api/notifications/${mine.id}/read`);
    expect(await unreadOf(clients.officer)).toBe(1);
    const read = await expectStatus<NotificationDto>(
      clients.officer,
      200,
      'POST',
      `/api/notifications/${mine.id}/read`,
    );
    expect(read.readAt).not.toBeNull();
    expect(await unreadOf(clients.officer)).toBe(0);
    expect(await unreadOf(bob)).toBe(1);
    expect(await expectStatus(bob, 200, 'POST', '/api/notifications/read-all')).toEqual({ marked: 1 });
    expect(await unreadOf(bob)).toBe(0);
    expect((await listOf(bob))[0]).toMatchObject({ id: bobs.id });
    expect((await listOf(bob))[0].readAt).not.toBeNull();
  });

  it('POSTs each notification to the webhook, HMAC-signed, retried after a 500; new alerts notify the admins', async () => {
    const ids = await fx.db.query<{ id: number }[]>(
      `SELECT id FROM notifications WHERE kind = 'statement_issued'`,
    );
    expect(ids).toHaveLength(2);
    // One job lost (as when Redis was down during the close): the worker's reconciler enqueues it again.
    const queue = server.app.get<Queue>(getQueueToken(QueueName.Notify));
    await (await queue.getJob(`notify-${ids[0].id}`))!.remove();
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    try {
      await worker.init();
      const delivered = () =>
        ids.every(({ id }) =>
          gateway.received.some((r) => r.status === 200 && (JSON.parse(r.body) as OutboundMessage).id === id),
        );
      await waitFor(delivered, 20_000);
      expect(delivered()).toBe(true);

      // A day's alerts run with alerts the day before did not have tells the administrators: 02-01 (the
      // first day), not 02-02 (the same alerts), 02-03 again (one more phone lost). The queue runs them
      // in order, so once 02-03's is there, 02-02 has run.
      const lose = () =>
        fx.db.query(
          `UPDATE devices SET status = 'lost' WHERE id = (SELECT min(id) FROM devices WHERE status <> 'lost')`,
        );
      await lose();
      for (const asOf of ['2026-02-01', '2026-02-02']) {
        await expectStatus(clients.admin, 202, 'POST', '/api/alerts/recompute', { asOf });
      }
      const notes = async (asOf: string) =>
        (await listOf(clients.admin)).filter((n) => n.kind === 'alerts_new' && n.title.zh.startsWith(asOf));
      let first: NotificationDto[] = [];
      await waitFor(async () => (first = await notes('2026-02-01')).length > 0, 20_000);
      await lose();
      await expectStatus(clients.admin, 202, 'POST', '/api/alerts/recompute', { asOf: '2026-02-03' });
      let third: NotificationDto[] = [];
      await waitFor(async () => (third = await notes('2026-02-03')).length > 0, 20_000);
      expect(first).toMatchObject([
        { link: '/', title: { zh: expect.stringMatching(/^2026-02-01 新增 \d+ 条预警$/) } },
      ]);
      expect(third).toMatchObject([
        { title: { zh: '2026-02-03 新增 1 条预警', en: '1 new alert on 2026-02-03' } },
      ]);
      expect(await notes('2026-02-02')).toEqual([]);
      expect(await listOf(clients.auditor)).toEqual([]);
    } finally {
      await worker.close();
    }
    // The statements' (the worker's first alerts run may add the admins' own): each was refused once,
    // then sent again, signed over the exact body with the shared secret.
    const statements = gateway.received.filter((r) =>
      ids.some(({ id }) => id === (JSON.parse(r.body) as OutboundMessage).id),
    );
    expect(statements.map((r) => r.status).sort()).toEqual([200, 200, 500, 500]);
    for (const r of gateway.received) {
      expect(r.headers['x-fleet-signature']).toBe(webhookSignature(SECRET, r.body));
      expect(r.headers['x-fleet-signature']).not.toBe(webhookSignature('another secret', r.body));
      expect(r.headers['content-type']).toBe('application/json');
    }
    // Marked sent, so the reconciler leaves them.
    const unsent = await fx.db.query<unknown[]>(
      `SELECT id FROM notifications WHERE kind = 'statement_issued' AND sent_at IS NULL`,
    );
    expect(unsent).toEqual([]);
    const message = JSON.parse(statements[0].body) as OutboundMessage;
    expect(message).toMatchObject({ kind: 'statement_issued', recipient: { officerId: expect.any(Number) } });
    expect(message.title.en).toMatch(/^Your 2026-01 statement was issued/);
  }, 60_000);

  it("a repair ticket's step notifies its holder's login, and no one else", async () => {
    const device = await fx.device();
    await fx.assign(device, aliceId);
    const ticket = await expectStatus<{ id: number; ticketNo: string }>(
      clients.admin,
      201,
      'POST',
      '/api/repair-tickets',
      { deviceId: device.id, fault: '屏幕碎裂' },
    );
    await expectStatus(clients.admin, 200, 'POST', `/api/repair-tickets/${ticket.id}/diagnose`, {
      cause: 'quality',
      diagnosis: '主板故障',
    });
    const [latest] = await listOf(clients.officer);
    expect(latest).toMatchObject({
      kind: 'repair_status',
      title: { zh: `维修单 ${ticket.ticketNo}：已诊断`, en: `Repair ticket ${ticket.ticketNo}: Diagnosed` },
      link: '/my-repairs',
      readAt: null,
    });
    expect((await listOf(bob)).map((n) => n.kind)).toEqual(['statement_issued']);
  });
});
