import { TERMS_2025 } from '@fleet/domain/contract';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { launchChromium, signInAsAdmin, withScreenshotOnFailure } from './browser';

// 合同台账 in a real browser: record a late payment and an outage, and see the exposure and the credits change.
jest.setTimeout(180_000);

const SCREENSHOTS = resolve(__dirname, '../../../tmp/screenshots');

const CONTRACT = {
  name: '移动警务通终端及通信服务合同',
  bureau: '且末县公安局',
  carrier: '中国移动巴州分公司',
  signedOn: '2025-11-20',
  ...TERMS_2025,
};

describe('the contract ledger in the console', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const device = await fx.device();
    await fx.sim(device.id, 1);
    await fx.sim(device.id, 2);
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    expect((await admin.request('POST', '/api/contracts', CONTRACT)).status).toBe(201);
    const [first] = (await (await admin.request('GET', '/api/installments')).json()) as { id: number }[];
    const paid = await admin.request('POST', `/api/installments/${first.id}/payments`, {
      paidOn: '2025-12-10',
      amountFen: 9_810_000,
      reference: '国库集中支付 2025-1210',
    });
    expect(paid.status).toBe(201);
    browser = await launchChromium();
    // Outage times are typed as China time, as the bureau's staff would.
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await server?.stop();
  });

  const exposureOn = async (asOf: string) => {
    await page.goto(`${server.baseUrl}/#/contract-ledger`);
    await page.locator('#exposure-as-of').fill(asOf);
    return {
      clause48: page.getByTestId('clause48'),
      clause64: page.getByTestId('clause64'),
    };
  };

  it('shows a late payment in the exposure under both clauses side by side, and an outage in the credits', async () => {
    await withScreenshotOnFailure(page, 'contract-ledger', async () => {
      await signInAsAdmin(page, server);
      await page.getByRole('menuitem', { name: '合同台账' }).click();
      await page.getByText('合同第 4.8 条和第 6.4 条对逾期付款的违约金约定不一致').waitFor();
      await page.getByText('已付 ¥98,100.00').waitFor();

      // Nothing overdue as of 2026-07-31 while the second installment is unpaid? It is: due 2026-06-10.
      let { clause48, clause64 } = await exposureOn('2026-07-31');
      // 2026-06-11 … 07-31 unpaid: 51 days × 294.30 and × 1,000.00.
      await expect(clause48.getByText('¥15,009.30').waitFor()).resolves.toBeUndefined();
      await clause64.getByText('¥51,000.00').waitFor();

      // The second installment paid in full on 2026-06-20: nine days late.
      await page.goto(`${server.baseUrl}/#/installments`);
      const row = page.getByRole('row').filter({ hasText: '2026-06-10' });
      await row.getByRole('button', { name: '记录付款' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('付款日期').fill('2026-06-20');
      await expect(dialog.getByLabel('金额（元）').inputValue()).resolves.toBe('98100');
      await dialog.getByLabel('凭证号').fill('国库集中支付 2026-0620');
      await dialog.getByRole('button', { name: '记录付款' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('已付清').waitFor();
      await row.getByText('2026-06-20').waitFor();

      ({ clause48, clause64 } = await exposureOn('2026-07-31'));
      await clause48.getByText('¥2,648.70').waitFor();
      await clause64.getByText('¥9,000.00').waitFor();
      await page.getByTestId('termination').getByText('尚无逾期满 90 天的款项').waitFor();
      const overdueRow = page
        .getByRole('table', { name: '逾期付款的违约风险' })
        .getByRole('row')
        .filter({ hasText: '第 2 期' });
      await overdueRow.getByText('2026-06-10').waitFor();
      await expect(overdueRow.locator('td').nth(3).textContent()).resolves.toBe('9');

      // A paid installment cannot take more: the balance is gone, so is the button.
      await page.goto(`${server.baseUrl}/#/installments`);
      await expect(
        page
          .getByRole('row')
          .filter({ hasText: '2026-06-10' })
          .getByRole('button', { name: '记录付款' })
          .count(),
      ).resolves.toBe(0);

      // No credits in March before the outage.
      await page.goto(`${server.baseUrl}/#/sla-credits?filter=${encodeURIComponent('{"period":"2026-03"}')}`);
      await page.getByText('本月 SLA 减免合计 ¥0.00').waitFor();

      // A carrier outage of 4 hours on every SIM on 2026-03-05.
      await page.goto(`${server.baseUrl}/#/outages/create`);
      await page.getByLabel('开始时间').fill('2026-03-05 10:00');
      await page.getByLabel('结束时间').fill('2026-03-05 14:00');
      await page.getByLabel('说明').fill('光缆被挖断');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('光缆被挖断').waitFor();
      const outages = (await (await admin.request('GET', '/api/outages')).json()) as object[];
      expect(outages).toMatchObject([
        {
          startAt: '2026-03-05T02:00:00.000Z',
          endAt: '2026-03-05T06:00:00.000Z',
          cause: 'carrier',
          scope: 'all',
        },
      ]);

      await page.goto(`${server.baseUrl}/#/sla-credits?filter=${encodeURIComponent('{"period":"2026-03"}')}`);
      // 272.50 ÷ 31 = 8.79 per SIM, two SIMs.
      await page.getByText('本月 SLA 减免合计 ¥17.58（2 个号卡日，2 张号卡）').waitFor();
      const credits = page.getByRole('row').filter({ hasText: '2026-03-05' });
      await expect(credits.count()).resolves.toBe(2);
      await credits.first().getByText('单次中断满 3 小时').waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'sla-credits-desktop.png'), fullPage: true });
      await page.goto(`${server.baseUrl}/#/installments`);
      await page.getByRole('row').filter({ hasText: '2026-06-20' }).waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'installments-desktop.png'), fullPage: true });

      // Screenshots of the ledger page on a desktop and on a phone (nothing wider than the phone's screen).
      await page.reload();
      await exposureOn('2026-07-31');
      await page.getByTestId('clause48').getByText('¥2,648.70').waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'contract-ledger-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('clause64').getByText('¥9,000.00').waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'contract-ledger-390.png'), fullPage: true });
      await expect(
        page.evaluate<number>('document.documentElement.scrollWidth'),
      ).resolves.toBeLessThanOrEqual(390);
    });
  });
});
