import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { luhnCheckDigit } from '@fleet/domain/identifiers';
import { chinaDateOf } from '@fleet/domain/inventory';
import type {
  DeviceDto,
  RepairPhotoDto,
  RepairTicketDto,
  StatementWithLinesDto,
} from '@fleet/shared/contracts';
import { type Browser, type Page } from 'playwright-core';

// The test harness is tooling, not a library with an @fleet alias: imported by path.
import { ApiClient, createLogin, startTestServer, type TestServer } from '../../../tools/test/test-server';
import {
  chinesePage,
  chinesePhonePage,
  launchChromium,
  randomDigits,
  signIn,
  signInAsAdmin,
  withScreenshotOnFailure,
} from './browser';

// The repair desk on a phone (390 px wide) against the real API: a phone is taken in, diagnosed as
// damaged by its holder, repaired and closed for ¥380.00; the month is closed and the officer finds
// the charge on their statement.
jest.setTimeout(180_000);

const PHONE_WIDTH = 390;
const FINAL_COST_FEN = 38_000;
// A 1 × 1 PNG: enough for the API to take it as an image.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const withLuhn = (payload: string) => `${payload}${luhnCheckDigit(payload)}`;

/** Today in China (UTC+8), minus some days, as YYYY-MM-DD. */
function chinaDaysAgo(days: number): string {
  return chinaDateOf(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
}

describe('repair intake on a phone, through to the officer’s statement', () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let page: Page;
  const officer = {
    id: 0,
    name: '',
    badgeNo: '',
    username: `repofficer${randomDigits(4)}`,
    password: 'cobalt-harbour-officer-7',
  };
  const intake = { username: `intake${randomDigits(4)}`, password: 'cobalt-harbour-intake-7' };
  let device: DeviceDto;

  // A create answers 201, an action on a ticket 200.
  const created = async <T>(path: string, body: unknown, status = 201): Promise<T> => {
    const response = await admin.request('POST', path, body);
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`POST ${path}: want ${status}, got ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await admin.request('GET', path);
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`GET ${path}: want 200, got ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  };
  const ticketOfDevice = async (): Promise<RepairTicketDto> => {
    const tickets = await get<RepairTicketDto[]>(
      `/api/repair-tickets?${new URLSearchParams({ filter: JSON.stringify({ deviceId: device.id }) }).toString()}`,
    );
    expect(tickets).toHaveLength(1);
    return tickets[0];
  };
  /** The ticket a device gets once the browser has saved it. */
  const waitForTicket = async (deviceId: number): Promise<RepairTicketDto> => {
    const query = new URLSearchParams({ filter: JSON.stringify({ deviceId }) }).toString();
    for (const until = Date.now() + 10_000; Date.now() < until;) {
      const [ticket] = await get<RepairTicketDto[]>(`/api/repair-tickets?${query}`);
      if (ticket) return ticket;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no repair ticket for device ${deviceId}`);
  };
  const dialog = () => page.getByRole('dialog');
  // The test runs in Node (no DOM types): the page measures itself from a string.
  const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.baseUrl);
    expect((await admin.login(server.admin.username, server.admin.password)).ok).toBe(true);

    // A unit, an officer with a login, a repair desk login, and a phone received a month ago (in
    // warranty) handed to the officer.
    const unit = await created<{ id: number; name: string }>('/api/units', {
      name: `维修测试单位${randomDigits(4)}`,
      parentId: null,
    });
    officer.badgeNo = `8${randomDigits(5)}`;
    officer.name = `维修测试${officer.badgeNo}`;
    officer.id = (
      await created<{ id: number }>('/api/officers', {
        badgeNo: officer.badgeNo,
        name: officer.name,
        unitId: unit.id,
        mobile: null,
        status: 'active',
      })
    ).id;
    await createLogin(
      server,
      { username: officer.username, role: 'officer', officerId: officer.id },
      officer.password,
    );
    await createLogin(server, { username: intake.username, role: 'repair_intake' }, intake.password);
    const base = `86${randomDigits(10)}`;
    device = await created<DeviceDto>('/api/devices', {
      model: 'HUAWEI Mate60 维修测试',
      imei1: withLuhn(`${base}00`),
      imei2: withLuhn(`${base}10`),
      receivedOn: chinaDaysAgo(30),
      leaseStartOn: chinaDaysAgo(25),
      unitId: unit.id,
    });
    await created(`/api/devices/${device.id}/assign`, { officerId: officer.id });

    browser = await launchChromium();
    page = await chinesePhonePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes the phone in at the desk: scan, see holder and warranty, fault, accessories, photo, save', () =>
    withScreenshotOnFailure(page, 'repairs-intake', async () => {
      await signIn(page, server, intake);
      await page.goto(`${server.baseUrl}/#/repair-intake`);
      const imeiBox = page.getByRole('textbox', { name: '扫码或输入 IMEI' });
      await imeiBox.fill(device.imei1);
      await imeiBox.press('Enter');

      // At once: the phone, its holder and its warranty state.
      const card = page.getByRole('region', { name: '终端' });
      await card.getByText('HUAWEI Mate60 维修测试').waitFor();
      await card.getByText(new RegExp(`${officer.name} · ${officer.badgeNo}`)).waitFor();
      await card.getByText('在保', { exact: true }).waitFor();
      expect(await pageWidth()).toBeLessThanOrEqual(PHONE_WIDTH);

      await page.getByRole('textbox', { name: '故障描述' }).fill('屏幕碎裂，触摸失灵');
      await page.getByRole('button', { name: '充电器' }).click();
      await page.getByRole('button', { name: '保护壳' }).click();
      await expect(page.getByRole('button', { name: '充电器' }).getAttribute('aria-pressed')).resolves.toBe(
        'true',
      );
      await page.getByRole('textbox', { name: '外观状况' }).fill('背壳有划痕');
      await page
        .getByLabel('照片', { exact: true })
        .setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: TINY_PNG });
      await page.getByText('screen.png').waitFor();
      expect(await pageWidth()).toBeLessThanOrEqual(PHONE_WIDTH);

      await page.getByRole('button', { name: '保存维修单' }).click();
      await page.getByText('已接收，维修单号').waitFor();
      const ticket = await ticketOfDevice();
      await page.getByText(ticket.ticketNo, { exact: true }).waitFor();
      await page.getByText('screen.png 已上传').waitFor();
      expect(await pageWidth()).toBeLessThanOrEqual(PHONE_WIDTH);

      // What the desk typed is what the ticket holds.
      expect(ticket.status).toBe('received');
      expect(ticket.fault).toBe('屏幕碎裂，触摸失灵');
      expect([...ticket.accessories].sort()).toEqual(['保护壳', '充电器'].sort());
      expect(ticket.reportedByOfficerId).toBe(officer.id);
      expect(ticket.inWarranty).toBe(true);
      const photos = await get<RepairPhotoDto[]>(`/api/repair-tickets/${ticket.id}/photos`);
      expect(photos.map((photo) => photo.fileName)).toEqual(['screen.png']);
    }));

  it('diagnoses a broken screen as the holder’s liability, returns the phone repaired and closes at ¥380.00', () =>
    withScreenshotOnFailure(page, 'repairs-ticket', async () => {
      await page.getByRole('link', { name: '查看维修单' }).click();
      await page.waitForURL(/\/repair-tickets\/\d+\/show$/);
      await page.getByText('已接收', { exact: true }).first().waitFor();
      await page.getByRole('img', { name: '照片 screen.png' }).waitFor();

      await page.getByRole('button', { name: '诊断', exact: true }).click();
      await dialog().getByRole('combobox', { name: '损坏原因' }).click();
      await page.getByRole('option', { name: '屏幕损坏' }).click();
      // The rule's verdict shows before it is saved.
      await dialog()
        .getByText(/按规则：使用人（警员）/)
        .waitFor();
      await dialog().getByRole('textbox', { name: '诊断结果' }).fill('外屏及触摸层碎裂，需更换屏幕总成');
      await dialog().getByRole('button', { name: '诊断', exact: true }).click();
      await dialog().waitFor({ state: 'detached' });

      await page.getByText('已诊断', { exact: true }).first().waitFor();
      await page.getByText('使用人（警员）', { exact: true }).waitFor();
      await page
        .getByText(/人为损坏/)
        .first()
        .waitFor();
      let ticket = await ticketOfDevice();
      expect(ticket.cause).toBe('screen');
      expect(ticket.liability).toBe('officer');
      expect(ticket.liableOfficerId).toBe(officer.id);

      await page.getByRole('button', { name: '返还/换机/无法修复' }).click();
      await dialog().getByRole('combobox', { name: '处理结果' }).waitFor();
      await dialog().getByRole('button', { name: '返还/换机/无法修复' }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.getByText('已修复返还', { exact: true }).first().waitFor();

      await page.getByRole('button', { name: '结单', exact: true }).click();
      const cost = dialog().getByRole('textbox', { name: /最终费用/ });
      await cost.fill('380.00');
      await dialog().getByRole('button', { name: '结单', exact: true }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.getByText('已结单', { exact: true }).first().waitFor();

      ticket = await ticketOfDevice();
      expect(ticket.status).toBe('closed');
      // ¥380.00 paid by the officer is above the approval threshold (¥200.00): it waits for an admin,
      // and the desk that closed it has nothing to approve it with.
      await page.getByText('待复核', { exact: true }).waitFor();
      expect(ticket.approvalStatus).toBe('pending');
      await expect(page.getByRole('button', { name: '批准', exact: true }).count()).resolves.toBe(0);

      // The desk's report counts it under its cause, paid by the officer.
      await page.goto(`${server.baseUrl}/#/repair-reports`);
      const screen = page
        .getByRole('table', { name: '按原因' })
        .getByRole('row')
        .filter({ hasText: '屏幕损坏' });
      await screen.waitFor();
      await expect(screen.getByRole('cell').allInnerTexts()).resolves.toEqual([
        '屏幕损坏',
        '1',
        '¥380.00',
        '¥380.00',
        '¥0.00',
      ]);
      expect(ticket.costFen).toBe(FINAL_COST_FEN);
      // Charged in the month it was closed (China time).
      expect(ticket.chargePeriod).toBe(chinaDateOf(new Date()).slice(0, 7));
    }));

  it('lets an administrator other than the desk approve the waiting charge', async () => {
    const ticket = await ticketOfDevice();
    const adminPage = await chinesePage(browser, { width: 1400, height: 900 });
    await withScreenshotOnFailure(adminPage, 'repairs-approve', async () => {
      await signInAsAdmin(adminPage, server);
      await adminPage.goto(`${server.baseUrl}/#/repair-tickets/${ticket.id}/show`);
      await adminPage.getByText('待复核', { exact: true }).waitFor();
      await adminPage.getByRole('button', { name: '批准', exact: true }).click();
      await adminPage.getByRole('dialog').getByRole('textbox', { name: '理由' }).fill('已核对维修商发票');
      await adminPage.getByRole('dialog').getByRole('button', { name: '批准', exact: true }).click();
      await adminPage.getByRole('dialog').waitFor({ state: 'detached' });
      await adminPage.getByText('已批准', { exact: true }).waitFor();
    });
    await adminPage.close();
    expect((await ticketOfDevice()).approvalStatus).toBe('approved');
  });

  it('shows the officer the repair charge on their statement once the month is closed', async () => {
    const ticket = await ticketOfDevice();
    const period = chinaDateOf(new Date()).slice(0, 7);
    const close = await admin.request('POST', `/api/periods/${period}/close`);
    expect(close.status).toBeLessThan(300);

    // A fresh phone session, signed in as the officer.
    page = await chinesePhonePage(browser);
    await withScreenshotOnFailure(page, 'repairs-statement', async () => {
      await signIn(page, server, officer);
      await page.goto(`${server.baseUrl}/#/statements`);
      await page.getByText(period).first().click();
      await page.waitForURL(/\/statements\/[^/]+\/show$/);

      const repairs = page.getByRole('table', { name: '维修费用' });
      const line = repairs.getByRole('row').filter({ hasText: ticket.ticketNo });
      await line.waitFor();
      await line.getByText('¥380.00').waitFor();
      await line.getByText('个人').waitFor();
      // The usage lines stay apart: the repair is not among them.
      await expect(
        page
          .getByRole('table', { name: '明细' })
          .getByRole('row')
          .filter({ hasText: ticket.ticketNo })
          .count(),
      ).resolves.toBe(0);

      const statementId = /\/statements\/([^/]+)\/show$/.exec(page.url())![1];

      // The officer follows the ticket on their own page.
      await page.goto(`${server.baseUrl}/#/my-repairs`);
      await page.getByText(`${ticket.ticketNo} · 已结单`).waitFor();
      const statement = await get<StatementWithLinesDto>(`/api/statements/${statementId}`);
      const repairLines = statement.lines.filter((l) => l.category === 'repair');
      expect(repairLines).toEqual([
        expect.objectContaining({ repairTicketId: ticket.id, amountFen: FINAL_COST_FEN, payer: 'officer' }),
      ]);

      // The officer reports a fault of the phone they hold now, and follows it.
      const spare = await created<DeviceDto>('/api/devices', {
        model: 'HUAWEI Mate60 报修测试',
        imei1: withLuhn(`86${randomDigits(10)}00`),
        receivedOn: chinaDaysAgo(20),
      });
      await created(`/api/devices/${spare.id}/assign`, { officerId: officer.id });
      await page.reload();
      await page.getByRole('textbox', { name: '故障描述' }).fill('听筒没有声音');
      await page.getByRole('button', { name: '报告故障' }).click();
      const reported = await waitForTicket(spare.id);
      await page.getByText(`${reported.ticketNo} · 已接收`).waitFor();
      expect(reported).toMatchObject({
        fault: '听筒没有声音',
        reportedByOfficerId: officer.id,
        holderOfficerId: officer.id,
        status: 'received',
      });
    });
  });

  it('lends a loaner with the officer’s SIM, and lets an administrator change the liable party with a reason', async () => {
    // A phone in for a quality fault, and an in-stock phone to lend.
    const base = `86${randomDigits(10)}`;
    const broken = await created<DeviceDto>('/api/devices', {
      model: 'HUAWEI Mate60 质量测试',
      imei1: withLuhn(`${base}00`),
      receivedOn: chinaDaysAgo(40),
    });
    await created(`/api/devices/${broken.id}/assign`, { officerId: officer.id });
    const loanerBase = `86${randomDigits(10)}`;
    const loaner = await created<DeviceDto>('/api/devices', {
      model: 'HUAWEI 备用机',
      imei1: withLuhn(`${loanerBase}00`),
      receivedOn: chinaDaysAgo(40),
    });
    const ticket = await created<RepairTicketDto>('/api/repair-tickets', {
      deviceId: broken.id,
      fault: '无法开机',
    });
    await created(
      `/api/repair-tickets/${ticket.id}/diagnose`,
      { cause: 'quality', diagnosis: '主板故障' },
      200,
    );

    page = await chinesePage(browser, { width: 1400, height: 900 });
    await withScreenshotOnFailure(page, 'repairs-admin', async () => {
      await signInAsAdmin(page, server);
      await page.goto(`${server.baseUrl}/#/repair-tickets/${ticket.id}/show`);
      await page.getByText('运营商（保修）', { exact: true }).waitFor();

      await page.getByRole('button', { name: '借出备用机' }).click();
      await dialog().getByRole('combobox', { name: '备用机' }).fill(loaner.imei1);
      await page.getByRole('option', { name: new RegExp(loaner.imei1) }).click();
      await expect(dialog().getByLabel('将民警的 SIM 卡移入备用机').isChecked()).resolves.toBe(true);
      await dialog().getByRole('button', { name: '借出备用机' }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '收回备用机' }).waitFor();
      expect((await get<RepairTicketDto>(`/api/repair-tickets/${ticket.id}`)).loanerDeviceId).toBe(loaner.id);

      await page.getByRole('button', { name: '更改责任' }).click();
      await dialog().getByRole('combobox', { name: '责任方' }).click();
      await page.getByRole('option', { name: '甲方（局）' }).click();
      await dialog()
        .getByRole('textbox', { name: '理由' })
        .fill('经核实为批次质量问题，运营商拒保，由局承担');
      await dialog().getByRole('button', { name: '更改责任' }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.getByText('已人工更改').waitFor();
      await page.getByText('经核实为批次质量问题，运营商拒保，由局承担').first().waitFor();
      const changed = await get<RepairTicketDto>(`/api/repair-tickets/${ticket.id}`);
      expect(changed.liability).toBe('bureau');
      expect(changed.liabilityOverridden).toBe(true);
      // The override waits for another admin: the one who made it is told so and gets no 批准.
      expect(changed.approvalStatus).toBe('pending');
      await page.getByText('待复核', { exact: true }).waitFor();
      await page.getByText('此项由您提交，须由另一名管理员复核').waitFor();
      await expect(page.getByRole('button', { name: '批准', exact: true }).count()).resolves.toBe(0);

      // The desk corrects what was taken in: the fault and the quote (yuan in, fen stored).
      await page.getByRole('link', { name: '编辑' }).click();
      await page.getByRole('textbox', { name: '故障描述' }).fill('无法开机，充电无反应');
      await page.getByRole('textbox', { name: '报价（元）' }).fill('120.50');
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/repair-tickets\/\d+\/show$/);
      await page.getByText('无法开机，充电无反应').first().waitFor();
      const edited = await get<RepairTicketDto>(`/api/repair-tickets/${ticket.id}`);
      expect([edited.fault, edited.quoteFen, edited.liability]).toEqual([
        '无法开机，充电无反应',
        12050,
        'bureau',
      ]);

      // The 维修接收单 opens in a tab of its own, fetched with the token.
      const [receipt] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByRole('button', { name: '打印维修接收单' }).click(),
      ]);
      await receipt.getByText(ticket.ticketNo).first().waitFor();
      await receipt
        .getByText(/维修接收单/)
        .first()
        .waitFor();
    });
  });
});
