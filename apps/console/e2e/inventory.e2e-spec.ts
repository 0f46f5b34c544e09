import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { identifierErrorMessage } from '@fleet/domain/identifiers';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';

// The test harness and the worker are tooling and an app, not libraries with an @fleet alias: imported by path.
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, randomDigits, signInAsAdmin, withScreenshotOnFailure } from './browser';
import { WorkerModule } from '../../worker/src/worker.module';

// A real browser against the built console (dist/console) and the API, with the worker running the import.
jest.setTimeout(240_000);

// ../shared sits beside the repository (CI clones it so too).
const SAMPLE_DEVICES = resolve(__dirname, '../../../../shared/samples/devices.csv');

/** The sample file's data rows and the first device's IMEI 1, read the way a person would see them. */
function readSample(): { rows: number; firstImei: string } {
  const lines = readFileSync(SAMPLE_DEVICES, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines[0].split(',');
  const imeiColumn = header.indexOf('IMEI1');
  expect(imeiColumn).toBeGreaterThanOrEqual(0);
  return { rows: lines.length - 1, firstImei: lines[1].split(',')[imeiColumn] };
}

describe('inventory and custody in the console', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  let officerName: string;
  const sample = readSample();

  beforeAll(async () => {
    server = await startTestServer();
    // The worker reads the same settings the harness just put in the environment.
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    officerName = await createOfficerThroughApi(server);
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1400, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await server?.stop();
  });

  it('signs an administrator in', () =>
    withScreenshotOnFailure(page, 'inventory-login', async () => {
      await signInAsAdmin(page, server);
    }));

  it('imports the sample devices file and shows the import run to the end', () =>
    withScreenshotOnFailure(page, 'inventory-import', async () => {
      await page.getByRole('menuitem', { name: '批量导入' }).click();
      await page
        .getByRole('link', { name: '新建' })
        .or(page.getByRole('button', { name: '新建' }))
        .click();

      await page.getByRole('combobox', { name: '导入内容' }).click();
      await page.getByRole('option', { name: '终端' }).click();
      await page.getByLabel('文件（CSV 或 Excel）').setInputFiles(SAMPLE_DEVICES);
      await page.getByText('devices.csv').waitFor();
      await page.getByRole('button', { name: '上传并导入' }).click();

      await page.waitForURL(/\/imports\/[^/]+\/show$/);
      // The page polls the import; the worker processes every row of a fresh database as new devices.
      await page.getByText(`已处理 ${sample.rows} / ${sample.rows} 行`).waitFor({ timeout: 90_000 });
      await page.getByText('已完成').waitFor();
    }));

  it('finds a device by its IMEI, assigns it and shows the assignment on its timeline', () =>
    withScreenshotOnFailure(page, 'inventory-assign', async () => {
      await page.getByRole('menuitem', { name: '终端' }).click();
      const finder = page.getByRole('textbox', { name: '按 IMEI 查找终端' });
      // One digit off: the domain's check digit refuses it in Chinese and nothing is looked up.
      const mistyped = `${sample.firstImei.slice(0, 14)}${(Number(sample.firstImei[14]) + 1) % 10}`;
      await finder.fill(mistyped);
      await finder.press('Enter');
      await page.getByText(identifierErrorMessage('imei', 'checkDigit', 'zh')).waitFor();
      expect(page.url()).toMatch(/\/devices$/);

      // A barcode scanner types the digits and presses Enter.
      await finder.fill(sample.firstImei);
      await finder.press('Enter');

      await page.waitForURL(/\/devices\/[^/]+\/show$/);
      await page.getByText(sample.firstImei).first().waitFor();
      await page.getByText('未配发').waitFor();

      await page.getByRole('button', { name: '配发' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: '领用民警' }).fill(officerName);
      await page.getByRole('option', { name: new RegExp(officerName) }).click();
      await dialog.getByRole('textbox', { name: '领用时状况' }).fill('完好');
      await dialog.getByRole('button', { name: '配发' }).click();
      await dialog.waitFor({ state: 'detached' });

      const timeline = page.getByRole('list', { name: '领用记录' });
      const entry = timeline.getByRole('listitem').filter({ hasText: '配发给民警' });
      await entry.filter({ hasText: officerName }).waitFor();
      await expect(entry.count()).resolves.toBe(1);
      await page.getByText('已配发').first().waitFor();
    }));

  it('opens the printable receipt of the assignment, which names the device by IMEI', () =>
    withScreenshotOnFailure(page, 'inventory-receipt', async () => {
      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: '打印领用单' }).click();
      const receipt = await popup;
      await receipt.waitForURL(/^blob:/);
      await receipt.getByText(sample.firstImei).first().waitFor();
      await expect(receipt.content()).resolves.toContain(sample.firstImei);
      await receipt.close();
    }));
});

/** The test brings its own unit and officer, so it does not depend on what the database was seeded with. */
async function createOfficerThroughApi(server: TestServer): Promise<string> {
  const admin = new ApiClient(server.baseUrl);
  expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);
  const unit = await admin.request('POST', '/api/units', {
    name: `盘点测试单位${randomDigits(4)}`,
    parentId: null,
  });
  expect(unit.status).toBe(201);
  const { id: unitId } = (await unit.json()) as { id: number };
  const badgeNo = `8${randomDigits(5)}`;
  const name = `领用测试${badgeNo}`;
  const officer = await admin.request('POST', '/api/officers', {
    badgeNo,
    name,
    unitId,
    mobile: null,
    status: 'active',
  });
  expect(officer.status).toBe(201);
  return name;
}
