import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type Browser, type Page } from 'playwright-core';

import {
  ApiClient,
  INITIAL_PASSWORD,
  secadminClient,
  startTestServer,
  type TestServer,
} from '../../../tools/test/test-server';
import { chinesePage, launchChromium, signIn, signInAsAdmin, withScreenshotOnFailure } from './browser';

jest.setTimeout(180_000);

/**
 * Issue 12: the console under its Content-Security-Policy, renewing its session silently, logging out
 * cleanly and making a person change an initial password before anything else.
 */
describe('the console’s session and security', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const admin = new ApiClient(server.baseUrl);
    await admin.login(server.admin.username, server.admin.password);
    expect((await admin.request('POST', '/api/units', { name: '安全测试所' })).status).toBe(201);
    browser = await launchChromium();
    page = await chinesePage(browser);
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('works under the CSP: signs in, opens a list, and the browser reports no refusal', () =>
    withScreenshotOnFailure(page, 'csp', async () => {
      const response = await page.goto(server.baseUrl);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await signInAsAdmin(page, server);
      await page.getByRole('menuitem', { name: '单位' }).click();
      await page.waitForURL(/#\/units$/);
      await page.getByRole('cell', { name: '安全测试所' }).waitFor();
      expect(violations).toEqual([]);
    }));

  it('keeps the session across a reload with the refresh cookie, and keeps no token in storage', () =>
    withScreenshotOnFailure(page, 'reload', async () => {
      await page.reload();
      await page.getByRole('menuitem', { name: '单位' }).waitFor();
      const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
      expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'fleet_refresh')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
    }));

  it('logs out cleanly: the session ends on the server and a reload stays signed out', () =>
    withScreenshotOnFailure(page, 'logout', async () => {
      await page.getByRole('button', { name: '设置' }).click();
      await page.getByRole('menuitem', { name: '修改密码' }).waitFor();
      await page.getByRole('menuitem', { name: '登出' }).click();
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: '登录' }).waitFor();
      const renewed = await page.evaluate<number>(
        "fetch('/api/auth/refresh', { method: 'POST' }).then((r) => r.status)",
      );
      expect(renewed).toBe(401);
    }));

  it('makes a new login change its initial password first, then opens the console', () =>
    withScreenshotOnFailure(page, 'first-login', async () => {
      const secadmin = await secadminClient(server);
      const created = await secadmin.request('POST', '/api/users', {
        username: 'newcomer',
        password: INITIAL_PASSWORD,
        role: 'auditor',
      });
      expect(created.status).toBe(201);
      await page.getByRole('textbox', { name: '用户名' }).fill('newcomer');
      await page.getByRole('textbox', { name: '密码', exact: true }).fill(INITIAL_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('这是他人为您设置的初始密码').waitFor();
      await expect(page.getByRole('menuitem', { name: '终端' }).count()).resolves.toBe(0);
      await page.getByLabel('当前密码').fill(INITIAL_PASSWORD);
      await page.getByLabel(/^新密码/).fill('password1234');
      await page.getByLabel('确认新密码').fill('password1234');
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.getByText('密码是常见或已泄露的密码，请换一个').waitFor();
      await page.getByLabel(/^新密码/).fill('violet-harbor-compass-4');
      await page.getByLabel('确认新密码').fill('violet-harbor-compass-4');
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.getByText('欢迎，newcomer').waitFor();
      await page.getByRole('menuitem', { name: '终端' }).waitFor();
      expect(violations).toEqual([]);
    }));

  it('lets the security administrator end an account’s sessions and reset its password, and nothing else', async () => {
    const desk = await chinesePage(browser);
    await withScreenshotOnFailure(desk, 'secadmin', async () => {
      await signIn(desk, server, server.secadmin);
      await expect(desk.getByRole('menuitem', { name: '终端' }).count()).resolves.toBe(0);
      await expect(desk.getByRole('menuitem', { name: '审计日志' }).count()).resolves.toBe(0);
      await desk.getByRole('menuitem', { name: '用户' }).click();
      await desk.getByRole('cell', { name: 'newcomer', exact: true }).click();
      await desk.waitForURL(/#\/users\/\d+\/show$/);
      await desk.getByRole('button', { name: '结束全部会话' }).click();
      await desk.getByText('已结束 1 个会话').waitFor();
      // The newcomer's console is signed out at its next call.
      await page.getByRole('menuitem', { name: '终端' }).click();
      await page.getByRole('button', { name: '登录' }).waitFor();

      await desk.getByRole('link', { name: '编辑' }).click();
      await desk.getByLabel(/^重置密码/).fill('password1234');
      await desk.getByRole('button', { name: '保存' }).click();
      await desk.getByText('密码是常见或已泄露的密码，请换一个').waitFor();
      await desk.getByLabel(/^重置密码/).fill('amber-quarry-lantern-6');
      await desk.getByRole('button', { name: '保存' }).click();
      await desk.waitForURL(/#\/users\/\d+\/show$/);
    });
    await desk.close();
    expect(violations).toEqual([]);
  });

  it('lets the audit administrator verify the audit chain from the audit log (issue 12, item 7)', async () => {
    const desk = await chinesePage(browser);
    await withScreenshotOnFailure(desk, 'auditadmin', async () => {
      await signIn(desk, server, server.auditadmin);
      await desk.getByRole('menuitem', { name: '审计日志' }).click();
      await desk.waitForURL(/#\/audit-log/);
      await desk.getByRole('button', { name: '验证审计链' }).click();
      await desk.getByText(/审计链完整：已验证 \d+ 条记录/).waitFor();
    });
    await desk.close();
    expect(violations).toEqual([]);
  });
});
