import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type Browser, type Page } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, signInAsAdmin, withScreenshotOnFailure } from './browser';

// Roster and usage imports are one kit's pages set up twice (common/file-import).
jest.setTimeout(120_000);

describe('the file-import pages of the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1400, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts the usage upload form afresh after the roster one (the kind and file are each form’s own)', () =>
    withScreenshotOnFailure(page, 'file-imports-forms', async () => {
      await signInAsAdmin(page, server);
      await page.goto(`${server.baseUrl}/#/imports/create`);
      await page.getByRole('combobox', { name: '导入内容' }).click();
      await page.getByRole('option', { name: '单位' }).click();
      await page
        .getByLabel('文件（CSV 或 Excel）')
        .setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from('单位名称\n一所\n') });
      await page.getByText('units.csv').waitFor();

      // Straight to the other kind's form, as the browser's address bar or history would go.
      await page.goto(`${server.baseUrl}/#/usage-imports/create`);
      await page.getByRole('combobox', { name: '文件类型' }).waitFor();
      await page.getByText('请选择文件').waitFor();
      expect(await page.getByText('units.csv').count()).toBe(0);
      // The kind left to the API to detect, not the roster's "units".
      expect(await page.locator('input.MuiSelect-nativeInput').first().inputValue()).toBe('');
      expect(await page.getByRole('button', { name: '上传并导入' }).isDisabled()).toBe(true);
    }));
});
