import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { DeviceDto } from '@fleet/shared/contracts';
import { type Browser, type Page } from 'playwright-core';

import {
  contractPlan,
  deviceIdentity,
  expectStatus,
  simIdentity,
} from '../../../tools/test/inventory-fixtures';
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, signInAsAdmin, withScreenshotOnFailure } from './browser';

jest.setTimeout(180_000);

/** Where the screenshots of the lists go (looked at by a person; the test only takes them). */
const SHOTS = process.env.CONSOLE_SHOTS_DIR ?? '/tmp';

describe('lists that work in bulk, with one date format', () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let page: Page;
  let devices: DeviceDto[];
  let westUnit: { id: number; name: string };

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    const east = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/units', { name: '城关派出所' });
    westUnit = await expectStatus(admin, 201, 'POST', '/api/units', { name: '西城派出所' });
    const officer = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/officers', {
      badgeNo: '651786',
      name: '杨国庆',
      unitId: east.id,
    });
    // Two received 2025-11-20 (warranty to 2028-11-20), one 2026-01-05 (to 2029-01-05).
    devices = [];
    for (const receivedOn of ['2025-11-20', '2025-11-20', '2026-01-05']) {
      devices.push(
        await expectStatus<DeviceDto>(admin, 201, 'POST', '/api/devices', {
          model: 'HUAWEI Mate60 12GB+256GB',
          receivedOn,
          ...deviceIdentity(),
        }),
      );
    }
    await expectStatus(admin, 201, 'POST', `/api/devices/${devices[0].id}/assign`, {
      officerId: officer.id,
      at: '2026-03-01T16:30:00Z',
    });
    await expectStatus(admin, 201, 'POST', '/api/plans', contractPlan());
    const sim = await expectStatus<{ id: number }>(admin, 201, 'POST', '/api/sim-cards', {
      ...simIdentity(),
      status: 'active',
      activatedOn: '2025-12-01',
    });
    await expectStatus(admin, 201, 'POST', `/api/sim-cards/${sim.id}/install`, {
      deviceId: devices[0].id,
      slot: 1,
    });
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1440, height: 900 });
    await signInAsAdmin(page, server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('moves the selected devices to a unit in one action', () =>
    withScreenshotOnFailure(page, 'bulk-unit', async () => {
      await page.goto(`${server.baseUrl}/#/devices`);
      const rows = page.locator('tbody tr');
      await rows.filter({ hasText: devices[1].imei1 }).waitFor();
      await rows.filter({ hasText: devices[1].imei1 }).getByRole('checkbox').check();
      await rows.filter({ hasText: devices[2].imei1 }).getByRole('checkbox').check();
      await expect(page.locator('tbody input[type=checkbox]:checked').count()).resolves.toBe(2);
      await page.getByRole('button', { name: '划入单位' }).click();
      await page.getByRole('combobox', { name: '所属单位' }).fill('西城');
      await page.getByRole('option', { name: westUnit.name }).click();
      await page.getByRole('dialog').getByRole('button', { name: '划入单位' }).click();
      await page.getByText('已将 2 条划入单位').waitFor();
      const moved = await Promise.all(
        devices.map((d) => expectStatus<DeviceDto>(admin, 200, 'GET', `/api/devices/${d.id}`)),
      );
      expect(moved.map((d) => d.unitId)).toEqual([null, westUnit.id, westUnit.id]);
      // The one-line headers: no header cell is taller than one line of text.
      const heights: number[] = [];
      for (const cell of await page.locator('thead th').all()) {
        heights.push((await cell.boundingBox())?.height ?? 0);
      }
      expect(Math.max(...heights)).toBeLessThan(60);
    }));

  it('filters by a date typed as YYYY-MM-DD, and shows dates in that format', () =>
    withScreenshotOnFailure(page, 'date-filter', async () => {
      await page.goto(`${server.baseUrl}/#/devices`);
      const filter = page.getByRole('textbox', { name: '保修截止不晚于' });
      await expect(filter.getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');
      // An unfinished date is not applied (all three devices stay), a whole one is.
      await filter.fill('2028-11');
      await expect(filter.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('tbody tr').count()).resolves.toBe(3);
      await filter.fill('2028-11-20');
      const rows = page.locator('tbody tr');
      await rows.nth(2).waitFor({ state: 'detached' });
      await expect(rows.count()).resolves.toBe(2);
      await expect(filter.inputValue()).resolves.toBe('2028-11-20');
      await expect(page.locator('tbody').innerText()).resolves.toContain('2028-11-20');
      expect(decodeURIComponent(page.url())).toContain('"warrantyEndOn_lte":"2028-11-20"');
    }));

  it('shows moments in China time, allowances in GB and statuses as words', () =>
    withScreenshotOnFailure(page, 'units', async () => {
      await page.goto(`${server.baseUrl}/#/assignments`);
      await page.getByText('2026-03-02 00:30').first().waitFor();
      await page.goto(`${server.baseUrl}/#/plans`);
      await page.getByText('20.00 GB').waitFor();
      await page.getByText('1500 分钟').waitFor();
      await page.getByText('100 条').waitFor();
      await page.goto(`${server.baseUrl}/#/sim-cards`);
      await page.getByText('卡槽 1').waitFor();
      await page.getByText('正常').first().waitFor();
    }));

  it('takes screenshots of the devices, SIM cards, assignments and plans lists on a desktop and a phone', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const resource of ['devices', 'sim-cards', 'assignments', 'plans']) {
        await page.goto(`${server.baseUrl}/#/${resource}`);
        await page.locator('tbody tr, .MuiList-root li').first().waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SHOTS}/list-${resource}-${name}.png` });
      }
    }
  });
});
