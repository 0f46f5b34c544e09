// What every console browser test shares: Debian's Chromium with the flags this sandbox needs, a page
// in Chinese, the admin's sign-in, random test data, and a screenshot when a step fails.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestServer } from '../../../tools/test/test-server';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function chinesePage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  return page;
}

/** A phone's screen (390 × 844, touch, mobile layout), in Chinese: the repair desk works on one. */
export async function chinesePhonePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Signs a user in through the login page and waits for the console: the overview's welcome, or the page
 * a role lands on (repair intake, the security and audit administrators), under the app bar.
 */
export async function signIn(
  page: Page,
  server: TestServer,
  user: { username: string; password: string },
): Promise<void> {
  await page.goto(server.baseUrl);
  await page.getByRole('textbox', { name: '用户名' }).fill(user.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.getByRole('banner').waitFor();
}

/** Signs the test server's admin in through the login page and waits for the welcome. */
export function signInAsAdmin(page: Page, server: TestServer): Promise<void> {
  return signIn(page, server, server.admin);
}

export function randomDigits(count: number): string {
  return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

/** Runs one test's steps; if they fail, keeps a screenshot of the page in /tmp for whoever reads the log. */
export async function withScreenshotOnFailure(
  page: Page,
  name: string,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const path = `/tmp/console-e2e-${name}-${Date.now()}.png`;
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot of the failed step: ${path}`);
    throw error;
  }
}
