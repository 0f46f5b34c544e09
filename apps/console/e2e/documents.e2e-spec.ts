import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { DeviceEntity } from '@fleet/server/persistence';
import { type Browser, type Page } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { InventoryFixtures } from '../../../tools/test/inventory-fixtures';
import { startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, signInAsAdmin, withScreenshotOnFailure } from './browser';

jest.setTimeout(180_000);

/** Issue 16 item 8: staff select devices in the list and print their asset labels (打印标签), or the PDF. */
describe('device labels from the devices list', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let browser: Browser;
  let page: Page;
  let devices: DeviceEntity[];

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    devices = [await fx.device(), await fx.device(), await fx.device()];
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1440, height: 900 });
    await signInAsAdmin(page, server);
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    await server?.stop();
  });

  const rowOf = (device: DeviceEntity) => page.getByRole('row').filter({ hasText: device.imei1 });

  it('opens a sheet with one label per selected device, each with the IMEI and its QR code', () =>
    withScreenshotOnFailure(page, 'documents-labels', async () => {
      await page.goto(`${server.baseUrl}/#/devices`);
      for (const device of devices.slice(0, 2)) await rowOf(device).getByRole('checkbox').check();
      await page.getByText('已选 2 项').waitFor();
      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: '打印标签' }).click();
      const sheet = await popup;
      await sheet.waitForURL(/^blob:/);
      await sheet.locator('.label').first().waitFor();
      await expect(sheet.locator('.label').count()).resolves.toBe(2);
      for (const device of devices.slice(0, 2)) {
        await sheet.getByText(device.imei1, { exact: true }).waitFor();
        await expect(sheet.locator(`.label[data-imei="${device.imei1}"] .qr svg`).count()).resolves.toBe(1);
      }
      await expect(sheet.getByText(devices[2].imei1).count()).resolves.toBe(0);
      await sheet.close();
    }));

  it('downloads the same labels as a PDF', () =>
    withScreenshotOnFailure(page, 'documents-labels-pdf', async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '标签 PDF' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^设备标签-.*\.pdf$/);
    }));
});
