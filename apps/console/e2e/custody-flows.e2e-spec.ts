import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { luhnCheckDigit } from '@fleet/domain/identifiers';
import type { DeviceDto, LeaseEndCheckDto, LostReportDto, SimCardDto } from '@fleet/shared/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFile } from 'node:fs/promises';
import { type Browser, type Locator, type Page } from 'playwright-core';

// The test harness and the worker are tooling and an app, not libraries with an @fleet alias: imported by path.
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, randomDigits, signInAsAdmin, withScreenshotOnFailure } from './browser';
import { WorkerModule } from '../../worker/src/worker.module';

// The custody screens against the real API: each flow seeds its starting state through the API, then a
// person drives it in the built console (dist/console) and reads the outcome in Chinese.
jest.setTimeout(120_000);

describe('custody flows in the console', () => {
  let server: TestServer;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  let api: Seeder;

  beforeAll(async () => {
    server = await startTestServer();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    api = await Seeder.connect(server);
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1600, height: 1000 });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await server?.stop();
  });

  const open = (hashPath: string) => page.goto(`${server.baseUrl}/#${hashPath}`);
  const dialog = () => page.getByRole('dialog');
  const timelineEntry = (kind: string) =>
    page.getByRole('list', { name: '领用记录' }).getByRole('listitem').filter({ hasText: kind });

  it('signs an administrator in', () =>
    withScreenshotOnFailure(page, 'custody-login', async () => {
      await signInAsAdmin(page, server);
    }));

  it('takes a device back from its officer', () =>
    withScreenshotOnFailure(page, 'custody-return', async () => {
      const officer = await api.officer(await api.unit());
      const device = await api.device();
      await api.assign(device.id, officer.id);

      await open(`/devices/${device.id}/show`);
      await page.getByText('已配发').first().waitFor();
      await page.getByRole('button', { name: '归还' }).click();
      await dialog().getByRole('textbox', { name: '归还时状况' }).fill('屏幕有划痕');
      await dialog().getByRole('button', { name: '归还' }).click();
      await dialog().waitFor({ state: 'detached' });

      await timelineEntry('民警归还').filter({ hasText: officer.name }).waitFor();
      await page.getByText('在库').first().waitFor();
      expect((await api.get<DeviceDto>(`/api/devices/${device.id}`)).status).toBe('in_stock');
    }));

  it('installs a SIM card into a device and takes it out again', () =>
    withScreenshotOnFailure(page, 'custody-sim', async () => {
      const device = await api.device();
      const sim = await api.sim();

      await open(`/devices/${device.id}/show`);
      await page.getByText(device.imei1).first().waitFor();
      await page.getByRole('button', { name: '装入 SIM 卡' }).click();
      await dialog().getByRole('combobox', { name: 'SIM 卡' }).fill(sim.msisdn);
      await page.getByRole('option', { name: new RegExp(sim.iccid) }).click();
      await dialog().getByRole('button', { name: '装入 SIM 卡' }).click();
      await dialog().waitFor({ state: 'detached' });

      await timelineEntry('装入 SIM 卡').waitFor();
      const simRow = page.getByRole('row').filter({ hasText: sim.iccid });
      await simRow.waitFor();
      expect((await api.get<SimCardDto>(`/api/sim-cards/${sim.id}`)).deviceId).toBe(device.id);

      await simRow.getByRole('button', { name: '取出' }).click();
      await timelineEntry('取出 SIM 卡').waitFor();
      await simRow.waitFor({ state: 'detached' });
      expect((await api.get<SimCardDto>(`/api/sim-cards/${sim.id}`)).deviceId).toBeNull();
    }));

  it('reports a device lost, follows the loss up, closes the report and marks the device found', () =>
    withScreenshotOnFailure(page, 'custody-lost', async () => {
      const officer = await api.officer(await api.unit());
      const device = await api.device();
      await api.assign(device.id, officer.id);
      const caseNo = `JQ${randomDigits(8)}`;

      await open(`/devices/${device.id}/show`);
      await page.getByText('已配发').first().waitFor();
      await page.getByRole('button', { name: '报告遗失' }).click();
      await dialog().getByRole('textbox', { name: '案件编号' }).fill(caseNo);
      await dialog().getByRole('textbox', { name: '经过' }).fill('巡逻途中遗失');
      await dialog().getByRole('button', { name: '报告遗失' }).click();
      await dialog().waitFor({ state: 'detached' });
      await timelineEntry('报告遗失').waitFor();

      await page.getByRole('menuitem', { name: '遗失报告' }).click();
      await page.getByRole('row').filter({ hasText: caseNo }).click();
      await page.waitForURL(/\/lost-reports\/\d+\/show$/);
      await page.getByText('巡逻途中遗失').waitFor();

      // Each step once: its button greys out when done, and the report shows when it was done.
      for (const [step, moment] of [
        ['确认遗失', 'confirmedAt'],
        ['已申请停机', 'simSuspendRequestedAt'],
        ['已申请远程擦除', 'wipeRequestedAt'],
        ['结案', 'closedAt'],
      ] as const) {
        const button = page.getByRole('button', { name: step });
        await button.click();
        await until(async () => (await api.lostReportOf(device.id))[moment] !== null);
        await waitDisabled(button);
      }
      expect((await api.get<DeviceDto>(`/api/devices/${device.id}`)).status).toBe('lost');
      await expect(page.getByRole('button', { name: '确认遗失' }).isDisabled()).resolves.toBe(true);

      // The device turns up after the report was closed: it goes back into stock.
      const found = page.getByRole('button', { name: '已找回' });
      await found.click();
      await until(async () => (await api.lostReportOf(device.id)).foundAt !== null);
      await waitDisabled(found);
      expect((await api.get<DeviceDto>(`/api/devices/${device.id}`)).status).toBe('in_stock');
    }));

  it('voids an assignment entered by mistake', () =>
    withScreenshotOnFailure(page, 'custody-void', async () => {
      const officer = await api.officer(await api.unit());
      const device = await api.device();
      await api.assign(device.id, officer.id);

      await open(`/assignments?filter=${encodeURIComponent(JSON.stringify({ deviceId: device.id }))}`);
      const row = page.getByRole('row').filter({ hasText: officer.name });
      await row.getByRole('button', { name: '作废' }).click();
      await dialog().getByRole('textbox', { name: '作废原因' }).fill('领用人登记错误');
      await dialog().getByRole('button', { name: '作废' }).click();
      await dialog().waitFor({ state: 'detached' });

      // A voided record leaves the list, and shows again, with its reason, when asked for.
      await row.waitFor({ state: 'detached' });
      await page.getByLabel('含已作废').check();
      await row.filter({ hasText: '领用人登记错误' }).waitFor();
      await expect(row.getByRole('button', { name: '作废' }).count()).resolves.toBe(0);
      expect((await api.get<DeviceDto>(`/api/devices/${device.id}`)).status).toBe('in_stock');
    }));

  it('records that the officer signed for the device', () =>
    withScreenshotOnFailure(page, 'custody-accept', async () => {
      const officer = await api.officer(await api.unit());
      const device = await api.device();
      await api.assign(device.id, officer.id);

      await open(`/devices/${device.id}/show`);
      const accept = page.getByRole('button', { name: '确认签收' });
      await accept.click();
      await accept.waitFor({ state: 'detached' });
      const assignments = await api.get<{ acceptedAt: string | null }[]>(
        `/api/assignments?filter=${encodeURIComponent(JSON.stringify({ deviceId: device.id }))}`,
      );
      expect(assignments).toHaveLength(1);
      expect(assignments[0].acceptedAt).not.toBeNull();
    }));

  it('lists the devices whose lease has ended, fills in their checklist and transfers one', () =>
    withScreenshotOnFailure(page, 'custody-lease-end', async () => {
      // Leased from 2022-01-10: the lease (36 months) ended on 2025-01-10.
      const device = await api.device({ leaseStartOn: '2022-01-10' });
      const assetNo = `ZC${randomDigits(6)}`;

      await page.getByRole('menuitem', { name: '租赁到期' }).click();
      const row = page.getByRole('row').filter({ hasText: device.imei1 });
      await row.waitFor();
      await row.getByRole('cell').filter({ hasText: '2025-01-10' }).waitFor();

      const [condition, asset] = [row.getByRole('textbox').nth(0), row.getByRole('textbox').nth(1)];
      await condition.fill('外观完好');
      await condition.blur();
      await waitForCheck(api, device.id, (check) => check?.condition === '外观完好');
      const boxes = row.getByRole('checkbox');
      // Each tick is saved at once and shows ticked once the API has it.
      await boxes.nth(1).click();
      await waitForCheck(api, device.id, (check) => Boolean(check?.workspaceWipedAt));
      await until(() => boxes.nth(1).isChecked());
      await boxes.nth(2).click();
      await waitForCheck(api, device.id, (check) => Boolean(check?.registeredAsAssetAt));
      await until(() => boxes.nth(2).isChecked());
      await asset.fill(assetNo);
      await asset.blur();
      await waitForCheck(api, device.id, (check) => check?.assetNo === assetNo);

      await boxes.nth(0).check();
      await page.getByText('已选 1 部').waitFor();
      await page.getByRole('button', { name: '转为局属资产' }).click();
      await page.getByText('已选 0 部').waitFor();
      await waitForCheck(api, device.id, (check) => Boolean(check?.transferredAt));
      expect((await api.get<DeviceDto>(`/api/devices/${device.id}`)).ownership).toBe('bureau');
    }));

  it('counts the devices of a unit by scanning their IMEIs and closes the count', () =>
    withScreenshotOnFailure(page, 'custody-stocktake', async () => {
      const unitName = `盘点单位${randomDigits(5)}`;
      const officer = await api.officer(await api.unit(unitName));
      const [here, away] = [await api.device(), await api.device()];
      await api.assign(here.id, officer.id);
      await api.assign(away.id, officer.id, true);
      const elsewhere = await api.device();
      const unknownImei = newImei();

      await page.getByRole('menuitem', { name: '盘点' }).click();
      await page
        .getByRole('link', { name: '新建' })
        .or(page.getByRole('button', { name: '新建' }))
        .click();
      await page.getByRole('combobox', { name: '单位' }).fill(unitName);
      await page.getByRole('option', { name: unitName }).click();
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/stocktakes\/\d+\/show$/);
      await page.getByText('盘点中').first().waitFor();

      const column = (title: string) => page.getByRole('region', { name: title }).or(page.getByLabel(title));
      await waitForCount(column('应盘'), 2);
      const scanner = page.getByRole('textbox', { name: '扫描终端 IMEI' });
      for (const imei of [here.imei1, elsewhere.imei1, unknownImei]) {
        await scanner.fill(imei);
        await scanner.press('Enter');
      }
      await waitForCount(column('已盘到'), 1);
      await waitForCount(column('未盘到'), 1);
      await waitForCount(column('不应在此'), 1);
      await column('已盘到').getByText(here.imei1).waitFor();
      await column('未盘到').getByText(away.imei1).waitFor();
      await column('不应在此').getByText(elsewhere.imei1).waitFor();
      await page.getByText(unknownImei).waitFor();

      await page.getByRole('button', { name: '结束盘点' }).click();
      await dialog().getByRole('button', { name: '结束盘点' }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.getByText('已结束').first().waitFor();
      await scanner.waitFor({ state: 'detached' });
      await waitForCount(column('未盘到'), 1);
    }));

  it('downloads the device list as CSV and as Excel', () =>
    withScreenshotOnFailure(page, 'custody-export', async () => {
      const device = await api.device();
      await open('/devices');
      await page.getByRole('button', { name: '导出 CSV' }).waitFor();

      const csvDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      const csv = await readFile((await (await csvDownload).path()) ?? '', 'utf8');
      expect(csv).toContain(device.imei1);
      expect(csv).toContain('IMEI');

      const xlsxDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      const xlsx = await xlsxDownload;
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const bytes = await readFile((await xlsx.path()) ?? '');
      // An .xlsx file is a zip archive.
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }));

  it('shows the alerts of today on the dashboard once recomputed', () =>
    withScreenshotOnFailure(page, 'custody-alerts', async () => {
      const officer = await api.officer(await api.unit());
      const device = await api.device();
      await api.assign(device.id, officer.id);
      await api.loseForGood(device.id);

      await page.getByRole('menuitem', { name: '概览' }).click();
      const lostCard = page.getByRole('region', { name: '遗失的终端' }).or(page.getByLabel('遗失的终端'));
      await lostCard.waitFor();
      await page.getByRole('button', { name: '重新计算提醒' }).click();
      await page.getByText('操作成功').waitFor();

      // The worker computes the alerts in the background: the card shows them once it is done.
      await until(async () => {
        await page.reload();
        await lostCard.waitFor();
        return (await lostCard.getByRole('paragraph').first().textContent())?.trim() === '1';
      }, 30_000);
      await lostCard.getByRole('link').click();
      await page.waitForURL(/\/devices\?/);
      await page.getByText(device.imei1).waitFor();
    }));
});

/** The state each flow starts from, written through the API as an administrator. */
class Seeder {
  private constructor(private readonly admin: ApiClient) {}

  static async connect(server: TestServer): Promise<Seeder> {
    const admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);
    return new Seeder(admin);
  }

  async send<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.admin.request(method, path, body);
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`${method} ${path}: want ${status}, got ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>(200, 'GET', path);
  }

  async unit(name = `流转测试单位${randomDigits(6)}`): Promise<number> {
    return (await this.send<{ id: number }>(201, 'POST', '/api/units', { name, parentId: null })).id;
  }

  officer(unitId: number): Promise<{ id: number; name: string }> {
    const badgeNo = `7${randomDigits(5)}`;
    return this.send(201, 'POST', '/api/officers', {
      badgeNo,
      name: `流转测试${badgeNo}`,
      unitId,
      mobile: null,
      status: 'active',
    });
  }

  device(overrides: object = {}): Promise<DeviceDto> {
    return this.send(201, 'POST', '/api/devices', {
      model: 'HUAWEI Mate60 12GB+256GB',
      receivedOn: '2025-11-20',
      imei1: newImei(),
      imei2: newImei(),
      serialNumber: `HWE2E${randomDigits(8)}`,
      ...overrides,
    });
  }

  sim(): Promise<SimCardDto> {
    return this.send(201, 'POST', '/api/sim-cards', {
      iccid: withLuhn(`898600${randomDigits(13)}`),
      msisdn: `147${randomDigits(8)}`,
      activatedOn: '2025-11-25',
      status: 'active',
    });
  }

  assign(deviceId: number, officerId: number, allowMultiple = false): Promise<unknown> {
    return this.send(201, 'POST', `/api/devices/${deviceId}/assign`, { officerId, allowMultiple });
  }

  async lostReportOf(deviceId: number): Promise<LostReportDto> {
    const reports = await this.get<LostReportDto[]>(
      `/api/lost-reports?filter=${encodeURIComponent(JSON.stringify({ deviceId }))}`,
    );
    expect(reports).toHaveLength(1);
    return reports[0];
  }

  async loseForGood(deviceId: number): Promise<void> {
    const report = await this.send<LostReportDto>(201, 'POST', `/api/devices/${deviceId}/report-lost`, {
      kind: 'stolen',
    });
    await this.send(200, 'POST', `/api/lost-reports/${report.id}/confirm`);
  }
}

async function waitForCheck(
  api: Seeder,
  deviceId: number,
  holds: (check: LeaseEndCheckDto | undefined) => boolean,
): Promise<void> {
  await until(async () => {
    const checks = await api.get<LeaseEndCheckDto[]>(
      `/api/lease-end-checks?filter=${encodeURIComponent(JSON.stringify({ deviceId }))}`,
    );
    return holds(checks[0]);
  });
}

/** Waits until a stocktake column's heading shows the count (its chip). */
async function waitForCount(column: Locator, count: number): Promise<void> {
  await column
    .getByRole('heading')
    .filter({ hasText: new RegExp(`\\s${count}$`) })
    .waitFor();
}

async function waitDisabled(button: Locator): Promise<void> {
  await until(() => button.isDisabled());
}

/** Asks again (briefly apart) until the condition holds: for what the page or the worker does in the background. */
async function until(holds: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline) {
      throw new Error(`Still not so after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const withLuhn = (payload: string) => `${payload}${luhnCheckDigit(payload)}`;
const newImei = () => withLuhn(`35${randomDigits(12)}`);
