import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { identifierErrorMessage } from '@fleet/domain/identifiers';
import { type Browser, type Locator, type Page, type Request } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias, so it is imported by path.
import { ApiClient, startTestServer, type TestServer } from '../../../tools/test/test-server';
import { chinesePage, launchChromium, randomDigits, signInAsAdmin, withScreenshotOnFailure } from './browser';

// A real browser against the built console (dist/console) and the API, served on one port by the harness.
jest.setTimeout(180_000);

const CHINESE = /[\u4e00-\u9fff]/;

describe('officers in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let unitName: string;

  beforeAll(async () => {
    server = await startTestServer();
    unitName = await createUnitThroughApi(server, `端到端测试单位${randomDigits(4)}`);
    browser = await launchChromium();
    page = await chinesePage(browser, { width: 1280, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs an administrator in, in Chinese', () =>
    withScreenshotOnFailure(page, 'login', async () => {
      await signInAsAdmin(page, server);
    }));

  it('creates an officer and finds it by searching the list', () =>
    withScreenshotOnFailure(page, 'create-and-search', async () => {
      const badgeNo = `9${randomDigits(5)}`;
      const name = `测试民警${badgeNo}`;

      await page.getByRole('menuitem', { name: '民警' }).click();
      // No search box to wait for: react-admin shows an empty list as a page of its own, without it.
      await createButton(page).first().click();

      await page.getByRole('textbox', { name: '警号' }).fill(badgeNo);
      await page.getByRole('textbox', { name: '姓名' }).fill(name);
      await page.getByRole('combobox', { name: '所属单位' }).fill(unitName);
      await page.getByRole('option', { name: unitName }).click();
      await page.getByRole('textbox', { name: '手机号码' }).fill('139 1234 5678');
      await page.getByRole('button', { name: '保存' }).click();

      // The show page of the new officer, with the mobile number in its stored form.
      await page.getByText('13912345678').waitFor();
      expect(page.url()).toMatch(/\/officers\/[^/]+\/show$/);

      await page.getByRole('menuitem', { name: '民警' }).click();
      await page.getByRole('textbox', { name: '搜索警号或姓名' }).fill(name);

      const rows = page.locator('tbody tr');
      await rows.filter({ hasText: badgeNo }).waitFor();
      // The list first shows the unfiltered page; wait until the search has narrowed it to one officer.
      await rows.nth(1).waitFor({ state: 'detached' });
      await expect(rows.count()).resolves.toBe(1);
      await rows.first().getByText(unitName).waitFor();
    }));

  it('refuses a five-digit badge number before sending it, with the message in Chinese', () =>
    withScreenshotOnFailure(page, 'badge-validation', async () => {
      await page.getByRole('menuitem', { name: '民警' }).click();
      await createButton(page).click();

      const officerWrites: string[] = [];
      const recordOfficerWrites = (request: Request) => {
        if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/officers')) {
          officerWrites.push(`${request.method()} ${request.url()}`);
        }
      };
      page.on('request', recordOfficerWrites);

      await page.getByRole('textbox', { name: '警号' }).fill('12345');
      await page.getByRole('button', { name: '保存' }).click();

      // The domain's own wording, so the console and the API say the same thing.
      const message = identifierErrorMessage('badgeNo', 'pattern', 'zh', { length: 5 });
      expect(message).toMatch(CHINESE);
      await (await errorUnder(page, '警号')).filter({ hasText: message }).waitFor();
      expect(page.url()).toMatch(/\/officers\/create$/);
      page.off('request', recordOfficerWrites);
      expect(officerWrites).toEqual([]);
    }));

  it('shows the API refusing a badge number that is already taken under the field', () =>
    withScreenshotOnFailure(page, 'badge-taken', async () => {
      const taken = await firstOfficerBadgeNo(server);
      await page.getByRole('menuitem', { name: '民警' }).click();
      await createButton(page).click();

      await page.getByRole('textbox', { name: '警号' }).fill(taken);
      await page.getByRole('textbox', { name: '姓名' }).fill('重复警号测试');
      await page.getByRole('combobox', { name: '所属单位' }).fill(unitName);
      await page.getByRole('option', { name: unitName }).click();
      await page.getByRole('button', { name: '保存' }).click();

      // Under the field, in the words of the API, in the language the console asked for (Accept-Language).
      await (await errorUnder(page, '警号')).filter({ hasText: CHINESE }).waitFor();
      expect(page.url()).toMatch(/\/officers\/create$/);
    }));
});

function createButton(page: Page) {
  return page.getByRole('link', { name: '新建' }).or(page.getByRole('button', { name: '新建' }));
}

/** The message under a text field: its accessible description, which a screen reader announces with it. */
async function errorUnder(page: Page, label: string): Promise<Locator> {
  const describedBy = await page
    .getByRole('textbox', { name: label, exact: true })
    .getAttribute('aria-describedby');
  if (!describedBy) {
    throw new Error(`The field ${label} has no accessible description to carry its error`);
  }
  return page.locator(`[id="${describedBy}"]`);
}

async function adminClient(server: TestServer): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  const response = await client.login(server.admin.username, server.admin.password);
  expect(response.ok).toBe(true);
  return client;
}

/** The test brings its own unit, so it does not depend on what the database was seeded with. */
async function createUnitThroughApi(server: TestServer, name: string): Promise<string> {
  const response = await (await adminClient(server)).request('POST', '/api/units', { name, parentId: null });
  expect(response.status).toBe(201);
  return name;
}

async function firstOfficerBadgeNo(server: TestServer): Promise<string> {
  const query = new URLSearchParams({ sort: '["id","ASC"]', range: '[0,0]', filter: '{}' });
  const response = await (await adminClient(server)).request('GET', `/api/officers?${query.toString()}`);
  const [officer] = (await response.json()) as { badgeNo: string }[];
  return officer.badgeNo;
}
