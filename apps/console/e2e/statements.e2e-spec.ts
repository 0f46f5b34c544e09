import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { formatFen } from '@fleet/domain/billing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { type Browser, type Page } from 'playwright-core';

// The test harness and the worker are tooling and an app, not libraries with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { ApiClient, createLogin, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { WorkerModule } from '../../worker/src/worker.module';
import { chinesePage, launchChromium, randomDigits, signInAsAdmin, withScreenshotOnFailure } from './browser';

// Usage upload, month close and an officer's statement, in a real browser with the worker in-process.
jest.setTimeout(240_000);

// ../shared sits beside the repository (CI clones it so too).
const SAMPLES = resolve(__dirname, '../../../../shared/samples');
const DETAIL_FILE = resolve(SAMPLES, 'usage-detail-2026-01.gbk.csv');
const SIM_APN = 'xjga.xj';
// Below the sample's busiest SIM, so closing January issues its holder a voice charge.
const PLAN_VOICE_MIN = 100;

const rowsOf = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data;

/** The sample's rows, and the number with the most outgoing minutes (each call rounded up, §3.4). */
function readSample(): { rows: number; msisdn: string; minutes: number } {
  const rows = rowsOf(iconv.decode(readFileSync(DETAIL_FILE), 'gb18030'));
  const minutes = new Map<string, number>();
  for (const r of rows) {
    if (r['记录类型'] === '语音' && r['方向'] === '主叫') {
      minutes.set(r['手机号码'], (minutes.get(r['手机号码']) ?? 0) + Math.ceil(Number(r['时长秒']) / 60));
    }
  }
  const [msisdn, most] = [...minutes].sort((a, b) => b[1] - a[1])[0];
  return { rows: rows.length, msisdn, minutes: most };
}

describe('usage, month close and statements in the console', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let fx: InventoryFixtures;
  let browser: Browser;
  let page: Page;
  let voiceFenPerMin: number;
  const sample = readSample();
  const officer = { username: `officer${randomDigits(4)}`, password: 'cobalt-harbour-officer-7', name: '' };

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    await seed();
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1400, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await worker?.close();
    await server?.stop();
  });

  /**
   * The sample's SIMs (sims.csv) with their APN profile; the busiest one on a small plan, in a device an
   * officer has held since December; that officer's login.
   */
  async function seed(): Promise<void> {
    expect(sample.minutes).toBeGreaterThan(PLAN_VOICE_MIN);
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);
    const created = async <T>(path: string, body: unknown): Promise<T> => {
      const response = await admin.request('POST', path, body);
      expect(response.status).toBe(201);
      return (await response.json()) as T;
    };
    const unit = await created<{ id: number }>('/api/units', {
      name: `用量测试单位${randomDigits(4)}`,
      parentId: null,
    });
    const badgeNo = `7${randomDigits(5)}`;
    officer.name = `用量测试${badgeNo}`;
    const { id: officerId } = await created<{ id: number }>('/api/officers', {
      badgeNo,
      name: officer.name,
      unitId: unit.id,
      mobile: null,
      status: 'active',
    });
    await createLogin(server, { username: officer.username, role: 'officer', officerId }, officer.password);
    const plan = await created<{ id: number }>('/api/plans', {
      name: `小套餐${randomDigits(4)}`,
      monthlyFeeFen: 1000,
      voiceMin: PLAN_VOICE_MIN,
      nationalKb: 100 * 1024 * 1024,
      apnKb: 100 * 1024 * 1024,
      sms: 1000,
      termMonths: 36,
    });
    const rules = (await (await admin.request('GET', '/api/billing-rules')).json()) as {
      effectiveFrom: string;
      voiceFenPerMin: number;
    }[];
    voiceFenPerMin = rules.find((r) => r.effectiveFrom === '2025-11')!.voiceFenPerMin;

    const [{ id: apnId }] = await fx.db.query<{ id: number }[]>(
      `INSERT INTO apn_profiles (name, apn) VALUES ('XJGA', $1) RETURNING id`,
      [SIM_APN],
    );
    for (const r of rowsOf(readFileSync(resolve(SAMPLES, 'sims.csv'), 'utf8'))) {
      if (r['手机号码'] === sample.msisdn) continue;
      await fx.db.query(
        `INSERT INTO sim_cards (iccid, msisdn, apn_profile_id, activated_on, status) VALUES ($1, $2, $3, $4, 'active')`,
        [r['ICCID'], r['手机号码'], apnId, r['开通日期']],
      );
    }
    const device = await fx.device();
    const sim = await fx.sim(device.id, 1);
    await fx.db.query(`UPDATE sim_cards SET msisdn = $1, apn_profile_id = $2, plan_id = $3 WHERE id = $4`, [
      sample.msisdn,
      apnId,
      plan.id,
      sim.id,
    ]);
    await fx.assign(device, officerId);
  }

  it('uploads the GBK detail sample and shows the import run to the end', () =>
    withScreenshotOnFailure(page, 'statements-upload', async () => {
      await signInAsAdmin(page, server);
      await page.getByRole('menuitem', { name: '用量导入' }).click();
      await page
        .getByRole('link', { name: '新建' })
        .or(page.getByRole('button', { name: '新建' }))
        .click();
      await page.getByLabel('文件（CSV 或 Excel）').setInputFiles(DETAIL_FILE);
      await page.getByText('usage-detail-2026-01.gbk.csv').waitFor();
      await page.getByRole('button', { name: '上传并导入' }).click();

      await page.waitForURL(/\/usage-imports\/[^/]+\/show$/);
      // Kind and encoding detected; the page polls until the worker has every row.
      await page.getByText(`已处理 ${sample.rows} / ${sample.rows} 行`).waitFor({ timeout: 90_000 });
      await page.getByText('已完成').waitFor();
      await page.getByText('详单').waitFor();
      await page.getByText(`接受 ${sample.rows}`).waitFor();
    }));

  it('retries a failed import from its page (admin), and it runs to the end again', () =>
    withScreenshotOnFailure(page, 'statements-retry', async () => {
      // As if every attempt had failed (the worker's database gone): the import shows 失败 and 重试.
      const FILE = 'usage-detail-2026-01.gbk.csv';
      await fx.db.query(
        `UPDATE usage_imports SET status = 'failed', error = '{"zh":"导入因系统错误中断","en":"system error"}'
          WHERE file_name = $1`,
        [FILE],
      );
      await page.reload();
      await page.getByText('导入因系统错误中断').waitFor();
      await page.getByRole('button', { name: '重试' }).waitFor();
      await page.screenshot({ path: '/tmp/console-usage-import-failed.png' });
      await page.getByRole('button', { name: '重试' }).click();
      await page.getByText('已完成').waitFor({ timeout: 60_000 });
      await page.getByText(`接受 ${sample.rows}`).waitFor();
      expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
      const rows = await fx.db.query<{ status: string }[]>(
        `SELECT status FROM usage_imports WHERE file_name = $1`,
        [FILE],
      );
      expect(rows).toEqual([{ status: 'succeeded' }]);
    }));

  it('closes January in the console', () =>
    withScreenshotOnFailure(page, 'statements-close', async () => {
      await page.getByRole('menuitem', { name: '月结' }).click();
      await page.getByRole('button', { name: '结账' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: '月份' }).click();
      await page.getByRole('option', { name: '2026-01' }).click();
      await dialog.getByText('结账将会').waitFor();
      await dialog.getByRole('button', { name: '确认结账' }).click();
      await dialog.getByRole('link', { name: '查看该月通知单' }).waitFor();
      await dialog.getByRole('button', { name: '关闭' }).click();
      const row = page.getByRole('row').filter({ hasText: '2026-01' });
      await row.getByText('已结账').waitFor();
      // One statement for the officer (and the bureau's own summary when the bureau pays something).
      const excessFen = (sample.minutes - PLAN_VOICE_MIN) * voiceFenPerMin;
      await row.getByText(`¥${Number(formatFen(excessFen)).toFixed(2)}`).waitFor();
    }));

  it('shows the officer their own statement for January, and nothing of the administration', async () => {
    // A page of its own: a fresh browser context, signed out.
    page = await chinesePage(browser, { width: 1400, height: 900 });
    await withScreenshotOnFailure(page, 'statements-officer', async () => {
      await page.goto(server.baseUrl);
      await page.getByRole('textbox', { name: '用户名' }).fill(officer.username);
      await page.getByRole('textbox', { name: '密码', exact: true }).fill(officer.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('menuitem', { name: '我的用量' }).click();
      await expect(page.getByRole('menuitem', { name: '用量导入' }).count()).resolves.toBe(0);

      await page.getByRole('row').filter({ hasText: '2026-01' }).click();
      await page.waitForURL(/\/statements\/[^/]+\/show$/);
      const lines = page.getByRole('table', { name: '明细' });
      const voice = lines.getByRole('row').filter({ hasText: '语音' });
      await voice.waitFor();
      const excess = sample.minutes - PLAN_VOICE_MIN;
      await expect(voice.getByRole('cell').allInnerTexts()).resolves.toEqual([
        sample.msisdn,
        '语音',
        `${sample.minutes} 分钟`,
        `${PLAN_VOICE_MIN} 分钟`,
        `${excess} 分钟`,
        `¥${formatFen(excess * voiceFenPerMin)}`,
        '个人',
      ]);
      await page.getByRole('button', { name: '打印通知单' }).waitFor();
      await page.getByRole('button', { name: '确认', exact: true }).click();
      // Acknowledging money is confirmed in a dialog that names the amount.
      const confirm = page.getByRole('dialog');
      await expect(confirm.getByTestId('confirm-amount').textContent()).resolves.toBe(
        `¥${formatFen(excess * voiceFenPerMin)}`,
      );
      await confirm.getByRole('button', { name: '确认无误' }).click();
      await page.getByText('已确认').first().waitFor();

      // Their own phone and its SIM, though the devices list itself is not theirs to open.
      await page.getByRole('menuitem', { name: '我的终端' }).click();
      await page.getByText(sample.msisdn).first().waitFor();
      await expect(page.getByText('无权访问').count()).resolves.toBe(0);
    });
  });
});
