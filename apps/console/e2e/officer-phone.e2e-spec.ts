import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { formatFen } from '@fleet/domain/billing';
import { type Browser, type Page } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { ApiClient, createLogin, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePhonePage, launchChromium, randomDigits, withScreenshotOnFailure } from './browser';

// Issue 16 item 5: an officer on a phone (390 × 844) reads their usage and answers a statement.
jest.setTimeout(180_000);

describe('an officer on a phone', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let browser: Browser;
  let page: Page;
  const officer = { username: `phone${randomDigits(5)}`, password: 'saffron-lighthouse-officer-3' };
  let statement: { id: number; totalFen: number; period: string };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const officerId = (await fx.officer((await fx.unit(`手机测试所${randomDigits(4)}`)).id)).id;
    const device = await fx.device();
    await fx.assign(device, officerId);
    const sim = await fx.sim(device.id, 1);
    // December within the plan, January 103 minutes over it; closing January issues a statement.
    for (const [period, minutes] of [
      ['2025-12', 900],
      ['2026-01', 1603],
    ] as const) {
      await fx.db.query(
        `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
         VALUES ($1, $2, $3, 40, 5242880, 10485760, 'summary')`,
        [sim.id, period, minutes],
      );
    }
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);
    expect((await admin.request('POST', '/api/periods/2026-01/close')).status).toBe(200);
    const { client } = await createLogin(
      server,
      { ...officer, role: 'officer', officerId },
      officer.password,
    );
    const mine = (await (await client.request('GET', '/api/statements')).json()) as (typeof statement)[];
    statement = mine.find((s) => s.period === '2026-01')!;
    expect(statement.totalFen).toBeGreaterThan(0);

    browser = await launchChromium();
    page = await chinesePhonePage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await server?.stop();
  });

  const noSidewaysScroll = async () => {
    expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390);
  };

  it('signs in, sees the usage bars without sideways scrolling, and acknowledges a statement after confirming its amount', async () => {
    await withScreenshotOnFailure(page, 'officer-phone', async () => {
      await page.goto(server.baseUrl);
      await noSidewaysScroll();
      await page.getByRole('textbox', { name: '用户名' }).fill(officer.username);
      await page.getByRole('textbox', { name: '密码', exact: true }).fill(officer.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => !url.hash.includes('login'));

      await page.goto(`${server.baseUrl}/#/my-usage`);
      await page.getByTestId('allowance-voice').waitFor();
      for (const category of ['voice', 'sms', 'national', 'apn']) {
        await expect(
          page.getByTestId(`allowance-${category}`).getByRole('progressbar').count(),
        ).resolves.toBe(1);
      }
      await page.getByText('近 12 个月').waitFor();
      await page.getByTestId('statement-card').first().waitFor();
      await noSidewaysScroll();

      // One tap does not acknowledge: the dialog shows the amount first, and cancel leaves it open.
      const amount = `¥${formatFen(statement.totalFen)}`;
      await page.getByRole('button', { name: '确认', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('confirm-amount').textContent()).resolves.toBe(amount);
      await expect(dialog.textContent()).resolves.toContain('2026-01');
      await noSidewaysScroll();
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await statusOf(statement.id)).toBe('issued');

      await page.getByRole('button', { name: '确认', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认无误' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByText('已确认').first().waitFor();
      expect(await statusOf(statement.id)).toBe('acknowledged');
      // Answered: no button to answer it again.
      await expect(page.getByRole('button', { name: '确认', exact: true }).count()).resolves.toBe(0);
    });
  });

  it('opens every officer page at 390 px without sideways scrolling', async () => {
    for (const path of ['/my-devices', '/my-repairs', '/my-usage', '/change-password']) {
      await withScreenshotOnFailure(page, `officer-phone${path.replace('/', '-')}`, async () => {
        await page.goto(`${server.baseUrl}/#${path}`);
        await page.locator('#main-content').waitFor();
        await page.waitForLoadState('networkidle');
        await noSidewaysScroll();
      });
    }
  });

  async function statusOf(id: number): Promise<string> {
    const [row] = await fx.db.query<{ status: string }[]>('SELECT status FROM statements WHERE id = $1', [
      id,
    ]);
    return row.status;
  }
});
