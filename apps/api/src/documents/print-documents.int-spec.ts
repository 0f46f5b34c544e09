import type { Role } from '@fleet/shared/contracts';
import { AssignmentEntity, LeaseEndCheckEntity } from '@fleet/server/persistence';
import jsQR from 'jsqr';
import { type Browser, chromium } from 'playwright-core';
import sharp from 'sharp';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';
import { pdfText } from '../../../../tools/test/pdf-text';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';

const BUREAU = '巴音郭楞州且末县公安局';

/**
 * Issue 16 items 2 and 8: the documents a bureau signs, as A4 HTML and as PDF from the same page, and
 * the asset labels whose QR code the IMEI inputs read.
 */
describe('printed documents and device labels', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let officerId: number;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ BUREAU_NAME: BUREAU });
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    officerId = (await fx.officer(unit.id)).id;
    clients = await clientsByRole(server, officerId);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await server?.stop();
  });

  const pdfOf = async (client: ApiClient, path: string) => {
    const response = await client.request('GET', path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/,
    );
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    return (await pdfText(bytes)).text;
  };

  it('prints the 超额费用通知单 with the bureau, each computation, GB figures and the total in 大写, as HTML and PDF', async () => {
    const device = await fx.device();
    await fx.assign(device, officerId);
    const sim = await fx.sim(device.id, 1);
    // 21819392 KB = 20.81 GB national data: 828 MB over 20 GB, charged as 1 started GB at 3.00;
    // 141 SMS: 41 over at 0.10. Total 7.10 CNY = 柒元壹角整.
    await fx.db.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
       VALUES ($1, '2026-01', 0, 141, $2, 0, 'summary')`,
      [sim.id, 21_819_392],
    );
    await expectStatus(clients.admin, 200, 'POST', '/api/periods/2026-01/close');
    const [statement] = await expectStatus<{ id: number; totalFen: number }[]>(
      clients.admin,
      200,
      'GET',
      `/api/statements${filterQuery({ officerId })}`,
    );
    expect(statement.totalFen).toBe(710);

    const page = await (await clients.officer.request('GET', `/api/statements/${statement.id}/print`)).text();
    expect(page).toContain(BUREAU);
    expect(page).toContain('20.81 GB');
    expect(page).not.toContain('21819392');
    expect(page).toContain('超出 828.00 MB，不足 1 GB 按 1 GB 计，计 1 GB × 3.00 元/GB = 3.00 元');
    expect(page).toContain('超出 41 条 × 0.10 元/条 = 4.10 元');
    expect(page).toContain('柒元壹角整');
    expect(page).toContain('被通知人（签字）');
    expect(page).toContain('size: A4');

    const text = await pdfOf(clients.officer, `/api/statements/${statement.id}/print?format=pdf`);
    expect(text).toContain(BUREAU);
    expect(text).toContain('超额费用通知单');
    expect(text).toContain('柒元壹角整');
    expect(text).toContain('20.81GB');
    expect(text).toContain('¥7.10');
  });

  it('prints the 领用签收单 and the 维修接收单 as PDF, headed by the bureau', async () => {
    const device = await fx.device();
    await fx.assign(device, officerId);
    const assignment = await fx.db.manager.findOneByOrFail(AssignmentEntity, { deviceId: device.id });
    const receipt = await pdfOf(clients.admin, `/api/assignments/${assignment.id}/receipt?format=pdf`);
    expect(receipt).toContain(BUREAU);
    expect(receipt).toContain('领用签收单');
    expect(receipt).toContain(device.imei1);
    expect(receipt).toContain('领用人(签字)');

    const ticket = await expectStatus<{ id: number; ticketNo: string }>(
      clients.repair_intake,
      201,
      'POST',
      '/api/repair-tickets',
      { deviceId: device.id, fault: '屏幕碎裂' },
    );
    const repair = await pdfOf(clients.auditor, `/api/repair-tickets/${ticket.id}/receipt?format=pdf`);
    expect(repair).toContain(BUREAU);
    expect(repair).toContain('维修接收单');
    expect(repair).toContain(ticket.ticketNo);
  });

  it('refuses a print format it does not know, naming the field, and keeps errors as JSON', async () => {
    const response = await clients.admin.request('GET', '/api/statements/1/print?format=docx');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('format');
    const missing = await clients.admin.request('GET', '/api/repair-tickets/999999/receipt?format=pdf');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('prints labels whose QR code reads back as the IMEI, with the asset number where there is one', async () => {
    const registered = await fx.device();
    await fx.db.manager.insert(LeaseEndCheckEntity, { deviceId: registered.id, assetNo: 'QM-GA-2028-0042' });
    const plain = await fx.device();
    const ids = `${registered.id},${plain.id}`;
    const response = await clients.repair_intake.request('GET', `/api/devices/labels?ids=${ids}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain(BUREAU);
    expect(html).toMatch(/资产编号<\/span><span class="value">QM-GA-2028-0042</);

    const page = await browser.newPage({ deviceScaleFactor: 2 });
    try {
      await page.setContent(html);
      for (const device of [registered, plain]) {
        const png = await page.locator(`.label[data-imei="${device.imei1}"] .qr`).screenshot();
        const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        const code = jsQR(
          new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
          info.width,
          info.height,
        );
        expect(code?.data).toBe(device.imei1);
      }
    } finally {
      await page.close();
    }

    const text = await pdfOf(clients.admin, `/api/devices/labels?ids=${ids}&format=pdf`);
    expect(text).toContain(plain.imei1);
    expect(text).toContain('QM-GA-2028-0042');

    await expectStatus(clients.admin, 400, 'GET', '/api/devices/labels?ids=1;2');
    await expectStatus(clients.admin, 404, 'GET', '/api/devices/labels?ids=999999');
    await expectStatus(clients.officer, 403, 'GET', `/api/devices/labels?ids=${plain.id}`);
  });
});
