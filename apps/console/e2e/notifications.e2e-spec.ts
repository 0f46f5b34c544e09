import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type Browser } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { ApiClient, createLogin, startTestServer, type TestServer } from '../../../tools/test/test-server';
import {
  chinesePage,
  chinesePhonePage,
  launchChromium,
  randomDigits,
  signIn,
  withScreenshotOnFailure,
} from './browser';

// The bell: an officer's statement notification, opened from the app bar on a desk and on a phone.
jest.setTimeout(120_000);

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

describe('the notification bell', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let browser: Browser;
  const officer = { username: `officer${randomDigits(4)}`, password: 'cobalt-harbour-bell-7' };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    const officerId = (await fx.officer(unit.id)).id;
    await createLogin(server, { ...officer, role: 'officer', officerId }, officer.password);
    for (const period of ['2025-12', '2026-01']) {
      const device = await fx.device();
      await fx.assign(device, officerId);
      const sim = await fx.sim(device.id, 1);
      await fx.db.query(
        `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
         VALUES ($1, $2, 1700, 0, 0, 0, 'summary')`,
        [sim.id, period],
      );
    }
    const admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    for (const period of ['2025-12', '2026-01'])
      expect((await admin.request('POST', `/api/periods/${period}/close`)).status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await server?.stop();
  });

  it('shows the unread count, lists the latest, opens one (marked read) and marks all read', async () => {
    const page = await chinesePage(browser, { width: 1440, height: 900 });
    await withScreenshotOnFailure(page, 'bell', async () => {
      await signIn(page, server, officer);
      const bell = page.getByRole('button', { name: '2 条未读通知' });
      await bell.click();
      const items = page.getByRole('presentation').getByRole('button', { name: /话费账单已出具/ });
      await items.nth(1).waitFor();
      expect(await items.count()).toBe(2);
      // Newest first.
      expect(await items.first().textContent()).toMatch(/^2026-01/);
      await page.screenshot({ path: `${SHOTS}/bell-1440.png` });
      await items.first().click();
      await page.waitForURL(/#\/statements\/\d+\/show/);
      await page.getByRole('button', { name: '1 条未读通知' }).click();
      await page.getByRole('button', { name: '全部已读' }).click();
      await page.getByRole('button', { name: '全部已读' }).and(page.locator('[disabled]')).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('[aria-label="0 条未读通知"]').waitFor();
    });
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await chinesePhonePage(browser);
    await withScreenshotOnFailure(page, 'bell-phone', async () => {
      await signIn(page, server, officer);
      await page.getByRole('button', { name: '0 条未读通知' }).click();
      await page.getByRole('button', { name: '全部已读' }).waitFor();
      const box = await page.locator('.MuiPopover-paper:not(.MuiMenu-paper)').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/bell-390.png` });
    });
    await page.close();
  });
});
