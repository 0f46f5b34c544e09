import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Browser, type Page } from 'playwright-core';

// The test harness and the worker are tooling and an app, not libraries with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { ApiClient, createLogin, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { WorkerModule } from '../../worker/src/worker.module';
import { chinesePage, launchChromium, signIn, signInAsAdmin, withScreenshotOnFailure } from './browser';

// The overview on a month with data, an alert card opening its list, and a month close with its preview.
jest.setTimeout(240_000);

// A month in the past with usage; nothing later has any, so it is the month the overview opens on.
const MONTH = '2026-01';
// Where to keep the screenshots of the overview (light and dark, desktop and phone) for a person to look at.
const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

describe('the overview (概览) and the month close in the console', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let fx: InventoryFixtures;
  let browser: Browser;
  let page: Page;
  let busiest = '';
  let unregistered: string[] = [];
  const intake = { username: 'desk-dashboard', password: 'cobalt-harbour-desk-8' };
  const officer = { username: 'officer-dashboard', password: 'cobalt-harbour-officer-9' };

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('城关派出所');
    const alice = await fx.officer(unit.id);
    const bob = await fx.officer(unit.id);
    const aliceDevice = await fx.device();
    await fx.assign(aliceDevice, alice.id);
    const a1 = await fx.sim(aliceDevice.id, 1);
    const bobDevice = await fx.device();
    await fx.assign(bobDevice, bob.id);
    const b1 = await fx.sim(bobDevice.id, 1);
    // Alice's SIM 103 minutes over the plan; Bob's within it. Bob's SIM has its real-name registration.
    await fx.db.query(
      `INSERT INTO monthly_usage (sim_id, period, voice_min, sms, national_kb, apn_kb, source)
       VALUES ($1, $3, 1603, 10, 0, 0, 'summary'), ($2, $3, 200, 10, 0, 0, 'summary')`,
      [a1.id, b1.id, MONTH],
    );
    await fx.db.query(`UPDATE sim_cards SET real_name_registered_on = '2025-11-22' WHERE id = $1`, [b1.id]);
    busiest = a1.msisdn;
    unregistered = [a1.msisdn];
    await createLogin(server, { username: intake.username, role: 'repair_intake' }, intake.password);
    await createLogin(
      server,
      { username: officer.username, role: 'officer', officerId: alice.id },
      officer.password,
    );

    // Today's alerts, computed by the worker as every day.
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);
    expect((await admin.request('POST', '/api/alerts/recompute', {})).status).toBe(202);
    for (let tries = 0; ; tries += 1) {
      const alerts = (await (await admin.request('GET', '/api/alerts')).json()) as { kind: string }[];
      if (alerts.some((a) => a.kind === 'sim_not_real_name')) break;
      if (tries > 60) throw new Error('the worker computed no alert');
      await new Promise((done) => setTimeout(done, 500));
    }
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1440, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await worker?.close();
    await server?.stop();
  });

  it('opens on the latest month with data, and an alert card opens the list of what it is about', () =>
    withScreenshotOnFailure(page, 'dashboard-overview', async () => {
      await signInAsAdmin(page, server);
      // One name for the page: the app bar and the menu agree.
      await page.getByRole('banner').getByText('概览').waitFor();
      await page.getByRole('menuitem', { name: '概览' }).waitFor();
      await expect(page.getByTestId('dashboard-month').inputValue()).resolves.toBe(MONTH);
      await page.getByText(`${MONTH} 全局用量`).waitFor();
      await page.getByRole('link', { name: busiest }).waitFor();
      await page
        .getByRole('img', { name: '近 12 个月超额费用' })
        .getByText('未结账（按现有数据计算）')
        .waitFor();
      await page.getByRole('heading', { name: '终端' }).waitFor();

      const card = page.getByLabel('未实名登记的 SIM 卡');
      await card.getByText(String(unregistered.length), { exact: true }).waitFor();
      await card.getByRole('link').click();
      await page.waitForURL(/#\/sim-cards\?filter=/);
      for (const msisdn of unregistered) await page.getByRole('cell', { name: msisdn }).waitFor();
      await expect(page.getByRole('row').count()).resolves.toBe(unregistered.length + 1);
      if (SHOTS) await screenshots();
    }));

  it('previews the close of a month picked from those with data, then links to its statements', () =>
    withScreenshotOnFailure(page, 'dashboard-close', async () => {
      await page.goto(`${server.baseUrl}/#/periods`);
      await page.getByRole('button', { name: '结账', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('combobox', { name: '月份' }).textContent()).resolves.toContain(MONTH);
      // Alice's statement and the bureau's summary; one officer charged.
      await dialog.getByText('开出通知单 2 张（其中更正 0 张，不变 0 张）').waitFor();
      await dialog.getByText('涉及民警 1 人').waitFor();
      await dialog.getByRole('row', { name: /个人承担合计 ¥[1-9]/ }).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/close-preview-1440.png` });
      await dialog.getByRole('button', { name: '确认结账' }).click();
      await dialog.getByText(`${MONTH} 已结账，开出通知单 2 张。`).waitFor();
      await dialog.getByRole('link', { name: '查看该月通知单' }).click();
      await page.waitForURL(/#\/statements\?filter=/);
      expect(decodeURIComponent(page.url())).toContain(`"period":"${MONTH}"`);
      await page.getByRole('row').nth(2).waitFor();
      await expect(page.getByRole('row').count()).resolves.toBe(3);

      // The month's own page lists its statements.
      await page.goto(`${server.baseUrl}/#/periods`);
      await page.getByRole('row').filter({ hasText: MONTH }).getByText('已结账').click();
      await page.waitForURL(/#\/periods\/\d+\/show$/);
      await page.getByText('该月通知单', { exact: true }).waitFor();
      await page.getByRole('cell', { name: '局里（汇总）' }).waitFor();
      await page.getByRole('link', { name: '查看该月通知单' }).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/period-show-1440.png`, fullPage: true });
      if (SHOTS) await closeOnPhone();
    }));

  it('lands repair intake on the intake desk', async () => {
    const desk = await chinesePage(browser);
    await withScreenshotOnFailure(desk, 'dashboard-landing', async () => {
      await signIn(desk, server, intake);
      await desk.waitForURL(/#\/repair-intake$/);
      await expect(desk.getByRole('menuitem', { name: '概览' }).count()).resolves.toBe(0);
    });
    await desk.close();
  });

  it("lands an officer on their own home: their phone, this month's usage, their latest statement", async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
    });
    await withScreenshotOnFailure(phone, 'dashboard-officer', async () => {
      await signIn(phone, server, officer);
      await phone.getByText(`欢迎，${officer.username}`).waitFor();
      await phone.getByText('HUAWEI Mate60').waitFor();
      // January was closed above: the officer's latest statement is January's.
      await phone.getByText('最近的通知单').waitFor();
      await phone.getByText(MONTH, { exact: true }).waitFor();
      await expect(phone.getByRole('link', { name: '查看' }).count()).resolves.toBe(3);
      if (SHOTS) await phone.screenshot({ path: `${SHOTS}/officer-home-390.png`, fullPage: true });
    });
    await phone.close();
  });

  /** The close dialog on a phone in dark mode: the preview of closing January again (nothing changed). */
  async function closeOnPhone(): Promise<void> {
    const shot = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      colorScheme: 'dark',
    });
    await signInAsAdmin(shot, server);
    await shot.goto(`${server.baseUrl}/#/periods`);
    await shot.getByRole('button', { name: '结账', exact: true }).click();
    await shot.getByRole('dialog').getByText('结账将会').waitFor();
    await shot.screenshot({ path: `${SHOTS}/close-preview-390-dark.png` });
    await shot.close();
  }

  /** The overview at 1440×900 and 390×844, light and dark, for a person to open and check. */
  async function screenshots(): Promise<void> {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        const shot = await browser.newPage({ viewport, locale: 'zh-CN', colorScheme });
        await signInAsAdmin(shot, server);
        await shot.getByText(`${MONTH} 全局用量`).waitFor();
        await shot.waitForTimeout(800);
        await shot.screenshot({
          path: `${SHOTS}/overview-${viewport.width}-${colorScheme}.png`,
          fullPage: true,
        });
        await shot.close();
      }
    }
  }
});
