import { TERMS_2025 } from '@fleet/domain/contract';
import type {
  AlertDto,
  ContractDto,
  ExposureDto,
  InstallmentDto,
  InvoiceDto,
  OutageDto,
  PaymentDto,
  Role,
  SlaCreditDto,
  SlaCreditTotalDto,
} from '@fleet/shared/contracts';
import { type AppConfig, Clock } from '@fleet/server/config';
import { AlertStore, AlertsRunner } from '@fleet/server/feature-imports';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { AlertEntity, AuditLogEntity, type SimCardEntity } from '@fleet/server/persistence';
import { offlineNotifier } from '@fleet/server/platform';
import { ContractDeadlinesReader } from './contract-deadlines.reader';
import { Not } from 'typeorm';
import { expectStatus, filterQuery, InventoryFixtures } from '../../../../tools/test/inventory-fixtures';
import {
  type ApiClient,
  clientsByRole,
  startTestServer,
  type TestServer,
} from '../../../../tools/test/test-server';

/** The contract of domain.md §1, as an admin records it. */
const CONTRACT = {
  name: '警务通服务合同（2025）',
  bureau: '且末县公安局',
  carrier: '中国移动巴州分公司',
  signedOn: '2025-11-20',
  ...TERMS_2025,
};

interface ErrorBody {
  message: string;
  errors: { field: string; reason: string }[];
}

/** The fields an error names, each once (a field may break several rules). */
const fields = (e: ErrorBody) => [...new Set(e.errors.map((x) => x.field))];

describe('the contract ledger over HTTP', () => {
  let server: TestServer;
  let fx: InventoryFixtures;
  let clients: Record<Role, ApiClient>;
  let admin: ApiClient;
  let contract: ContractDto;
  let installments: InstallmentDto[];
  let sims: SimCardEntity[];

  // The changes to a resource (refused requests are in the audit log too, as access_denied).
  const audits = (resource: string) =>
    fx.db.manager.find(AuditLogEntity, {
      where: { resource, action: Not('access_denied') },
      order: { id: 'ASC' },
    });
  const exposure = (asOf: string) =>
    expectStatus<ExposureDto>(clients.auditor, 200, 'GET', `/api/contract/exposure?asOf=${asOf}`);
  const credits = (period: string) =>
    expectStatus<SlaCreditDto[]>(clients.auditor, 200, 'GET', `/api/sla-credits${filterQuery({ period })}`);

  beforeAll(async () => {
    server = await startTestServer();
    fx = await InventoryFixtures.connect(server.databaseUrl);
    const unit = await fx.unit('测试局');
    const officer = await fx.officer(unit.id);
    clients = await clientsByRole(server, officer.id);
    admin = clients.admin;
    const device = await fx.device();
    sims = [await fx.sim(device.id, 1), await fx.sim(device.id, 2), await fx.sim((await fx.device()).id, 1)];
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await server?.stop();
  });

  it('records the contract as data, lays out its six installments and audits it; bad terms name the field', async () => {
    const wrong = await expectStatus<ErrorBody>(admin, 400, 'POST', '/api/contracts', {
      ...CONTRACT,
      installmentFen: 9_800_000,
    });
    expect(fields(wrong)).toEqual(['installmentFen']);
    expect(wrong.errors[0].reason).toContain('58860000');
    const missing = await expectStatus<ErrorBody>(admin, 400, 'POST', '/api/contracts', {
      ...CONTRACT,
      lateRateBp: undefined,
      vatRateBp: -1,
    });
    expect(fields(missing).sort()).toEqual(['lateRateBp', 'vatRateBp']);
    expect(missing.errors.find((e) => e.field === 'vatRateBp')!.reason).toContain('增值税率');
    await expectStatus(clients.auditor, 403, 'POST', '/api/contracts', CONTRACT);

    contract = await expectStatus<ContractDto>(admin, 201, 'POST', '/api/contracts', CONTRACT);
    expect(contract).toMatchObject({
      totalFen: 58_860_000,
      terminationClaimFen: 17_658_000,
      endsOn: '2028-11-19',
      changeNoticeBy: '2028-11-04',
      terminationNoticeBy: '2028-10-20',
    });
    await expectStatus(admin, 409, 'POST', '/api/contracts', CONTRACT);
    const contracts = await clients.auditor.request('GET', '/api/contracts');
    expect(contracts.headers.get('content-range')).toBe('contracts 0-0/1');
    expect(
      await expectStatus<ContractDto>(clients.auditor, 200, 'GET', `/api/contracts/${contract.id}`),
    ).toEqual(contract);
    await expectStatus(clients.auditor, 404, 'GET', '/api/contracts/999999');
    const response = await clients.auditor.request('GET', '/api/installments');
    expect(response.headers.get('content-range')).toBe('installments 0-5/6');
    installments = (await response.json()) as InstallmentDto[];
    expect(installments.map((i) => [i.seq, i.dueOn, i.amountFen, i.paidFen, i.balanceFen])).toEqual(
      ['2025-12-10', '2026-06-10', '2026-12-10', '2027-06-10', '2027-12-10', '2028-06-10'].map((d, i) => [
        i + 1,
        d,
        9_810_000,
        0,
        9_810_000,
      ]),
    );
    // The first is long past its due date: overdue whatever today is.
    expect(installments[0].status).toBe('overdue');
    expect((await audits('contracts')).map((a) => a.action)).toEqual(['create']);
  });

  it('takes payments up to the balance, never more, and reverses one only with a reason (all audited)', async () => {
    const [first, second] = installments;
    const pay = (id: number, paidOn: string, amountFen: number, client = admin) =>
      client.request('POST', `/api/installments/${id}/payments`, {
        paidOn,
        amountFen,
        reference: `凭证-${paidOn}`,
      });

    const onTime = (await (await pay(first.id, '2025-12-10', 9_810_000)).json()) as PaymentDto;
    expect(onTime).toMatchObject({ paidOn: '2025-12-10', amountFen: 9_810_000, reversedAt: null });
    const beyond = (await (await pay(first.id, '2025-12-11', 1)).json()) as ErrorBody;
    expect(beyond.errors).toEqual([{ field: 'amountFen', reason: expect.stringContaining('余额 0.00 元') }]);

    expect((await pay(second.id, '2026-06-20', 4_905_000)).status).toBe(201);
    const over = await pay(second.id, '2026-06-30', 5_000_000);
    expect(over.status).toBe(409);
    expect(((await over.json()) as ErrorBody).message).toContain('49050.00');
    expect((await pay(second.id, '2026-06-30', 4_905_000)).status).toBe(201);

    const bad = (await (
      await admin.request('POST', `/api/installments/${second.id}/payments`, {
        paidOn: '2026-02-30',
        amountFen: 0,
        reference: '',
        extra: 1,
      })
    ).json()) as ErrorBody;
    expect(fields(bad).sort()).toEqual(['amountFen', 'extra', 'paidOn', 'reference']);
    const future = (await (await pay(second.id, '2999-01-01', 1)).json()) as ErrorBody;
    expect(fields(future)).toEqual(['paidOn']);
    expect((await pay(second.id, '2026-06-30', 1, clients.auditor)).status).toBe(403);
    expect(
      (
        await admin.request('POST', '/api/installments/999999/payments', {
          paidOn: '2026-01-01',
          amountFen: 1,
          reference: 'x',
        })
      ).status,
    ).toBe(404);

    const listed = await expectStatus<InstallmentDto[]>(clients.auditor, 200, 'GET', '/api/installments');
    expect(listed.slice(0, 2).map((i) => [i.status, i.paidFen, i.balanceFen, i.paidOn])).toEqual([
      ['paid', 9_810_000, 0, '2025-12-10'],
      ['paid', 9_810_000, 0, '2026-06-30'],
    ]);
    const one = await expectStatus<InstallmentDto>(
      clients.auditor,
      200,
      'GET',
      `/api/installments/${second.id}`,
    );
    expect(one.paidOn).toBe('2026-06-30');

    // 2026-06-11 … 06-19 on 98,100.00 CNY, 06-20 … 06-29 on 49,050.00 CNY; the day of the last part is not overdue.
    const late = await exposure('2026-07-31');
    expect(late.items).toEqual([
      {
        installmentId: second.id,
        seq: 2,
        dueOn: '2026-06-10',
        balanceFen: 0,
        daysOverdue: 19,
        clause48Fen: 9 * 29_430 + 10 * 14_715,
        clause64Fen: 1_900_000,
        terminationRight: false,
      },
    ]);
    expect(late).toMatchObject({
      clause48Fen: 412_020,
      clause64Fen: 1_900_000,
      terminationRight: false,
      terminationClaimFen: 0,
    });
    expect((await exposure('2026-03-10')).items).toEqual([]);

    const noReason = (await (
      await admin.request('POST', `/api/installments/${first.id}/payments/${onTime.id}/reverse`, {})
    ).json()) as ErrorBody;
    expect(fields(noReason)).toEqual(['reason']);
    await expectStatus(
      clients.auditor,
      403,
      'POST',
      `/api/installments/${first.id}/payments/${onTime.id}/reverse`,
      { reason: 'x' },
    );
    await expectStatus(admin, 404, 'POST', `/api/installments/${second.id}/payments/${onTime.id}/reverse`, {
      reason: 'x',
    });
    const reversed = await expectStatus<PaymentDto>(
      admin,
      200,
      'POST',
      `/api/installments/${first.id}/payments/${onTime.id}/reverse`,
      {
        reason: '银行退票',
      },
    );
    expect(reversed).toMatchObject({ reversalReason: '银行退票', reversedAt: expect.any(String) });
    await expectStatus(admin, 409, 'POST', `/api/installments/${first.id}/payments/${onTime.id}/reverse`, {
      reason: '再次',
    });
    const history = await expectStatus<PaymentDto[]>(
      clients.auditor,
      200,
      'GET',
      `/api/installments/${first.id}/payments`,
    );
    expect(history.map((p) => [p.amountFen, p.reversalReason])).toEqual([[9_810_000, '银行退票']]);

    // Reversed, the first installment is unpaid again: 90 days overdue on 2026-03-10 gives the right and the claim once.
    const reached = await exposure('2026-03-10');
    expect(reached.items.map((i) => [i.seq, i.daysOverdue, i.terminationRight])).toEqual([[1, 90, true]]);
    expect(reached).toMatchObject({
      terminationRight: true,
      terminationClaimFen: 17_658_000,
      clause64Fen: 9_000_000,
    });
    expect((await exposure('2026-03-09')).terminationRight).toBe(false);
    expect((await audits('payments')).map((a) => a.action)).toEqual(['create', 'create', 'create', 'update']);

    // The rates are data: a corrected 4.8 rate changes the exposure, the schedule cannot change once paid.
    await expectStatus(admin, 200, 'PUT', `/api/contracts/${contract.id}`, { lateRateBp: 50 });
    expect((await exposure('2025-12-11')).clause48Fen).toBe(49_050);
    const locked = await expectStatus<ErrorBody>(admin, 409, 'PUT', `/api/contracts/${contract.id}`, {
      installmentCount: 12,
      installmentFen: 4_905_000,
    });
    expect(locked.message).toContain('付款');
    await expectStatus(admin, 200, 'PUT', `/api/contracts/${contract.id}`, {
      lateRateBp: 30,
      id: contract.id,
    });
    expect((await exposure('2025-12-11')).clause48Fen).toBe(29_430);
    expect((await audits('contracts')).map((a) => a.action)).toEqual(['create', 'update', 'update']);

    const badDate = await expectStatus<ErrorBody>(
      clients.auditor,
      400,
      'GET',
      '/api/contract/exposure?asOf=2026-13-01',
    );
    expect(fields(badDate)).toEqual(['asOf']);
  });

  it('records outages (refusing bad ones by field), and SLA credits follow every change', async () => {
    const post = (body: object) => admin.request('POST', '/api/outages', body);
    const three = async (response: Response) => (await response.json()) as OutageDto;
    const refused = async (body: object) => fields((await (await post(body)).json()) as ErrorBody);
    const at = (local: string) => `2026-03-${local}+08:00`;

    expect(
      await refused({ startAt: at('05T13:00:00'), endAt: at('05T10:00:00'), cause: 'carrier', scope: 'all' }),
    ).toEqual(['endAt']);
    expect(
      await refused({
        startAt: at('05T10:00:00'),
        endAt: at('05T13:00:00'),
        cause: 'carrier',
        scope: 'sims',
        simIds: [],
      }),
    ).toEqual(['simIds']);
    expect(
      await refused({
        startAt: at('05T10:00:00'),
        endAt: at('05T13:00:00'),
        cause: 'carrier',
        scope: 'sims',
      }),
    ).toEqual(['simIds']);
    const unknown = (await (
      await post({
        startAt: at('05T10:00:00'),
        endAt: at('05T13:00:00'),
        cause: 'carrier',
        scope: 'sims',
        simIds: [999999],
      })
    ).json()) as ErrorBody;
    expect(unknown.errors).toEqual([{ field: 'simIds', reason: '号卡不存在：999999' }]);
    expect(
      await refused({
        startAt: at('05T10:00:00'),
        endAt: at('05T13:00:00'),
        cause: 'storm',
        scope: 'everything',
      }),
    ).toEqual(['cause', 'scope']);
    expect(
      await refused({
        startAt: '2026-03-05 10:00',
        endAt: at('05T13:00:00'),
        cause: 'carrier',
        scope: 'all',
      }),
    ).toEqual(['startAt']);
    expect(
      (
        await clients.auditor.request('POST', '/api/outages', {
          startAt: at('05T10:00:00'),
          endAt: at('05T13:00:00'),
          cause: 'carrier',
          scope: 'all',
        })
      ).status,
    ).toBe(403);

    const all = await three(
      await post({
        startAt: at('05T10:00:00'),
        endAt: at('05T13:00:00'),
        cause: 'carrier',
        scope: 'all',
        note: '光缆中断',
      }),
    );
    expect(all).toMatchObject({ scope: 'all', simIds: [], note: '光缆中断', voidedAt: null });
    const rows = await credits('2026-03');
    expect(rows.map((r) => [r.simId, r.day, r.amountFen, r.reason, r.outageIds])).toEqual(
      sims.map((s) => [s.id, '2026-03-05', 879, 'over_3h', [all.id]]),
    );
    expect(rows[0].msisdn).toBe(sims[0].msisdn);

    expect(
      (
        await post({
          startAt: at('06T00:00:00'),
          endAt: at('06T06:00:00'),
          cause: 'force_majeure',
          scope: 'all',
        })
      ).status,
    ).toBe(201);
    const short = await three(
      await post({
        startAt: at('07T09:00:00'),
        endAt: at('07T10:00:00'),
        cause: 'carrier',
        scope: 'sims',
        simIds: [sims[0].id],
      }),
    );
    expect(await credits('2026-03')).toHaveLength(3);

    const longer = await expectStatus<OutageDto>(admin, 200, 'PUT', `/api/outages/${short.id}`, {
      endAt: at('07T12:00:00'),
      id: short.id,
    });
    expect(longer.endAt).toBe('2026-03-07T04:00:00.000Z');
    expect((await credits('2026-03')).filter((r) => r.simId === sims[0].id).map((r) => r.day)).toEqual([
      '2026-03-05',
      '2026-03-07',
    ]);
    expect(
      fields(
        await expectStatus<ErrorBody>(admin, 400, 'PUT', `/api/outages/${short.id}`, {
          endAt: at('07T08:00:00'),
        }),
      ),
    ).toEqual(['endAt']);

    await expectStatus(admin, 400, 'POST', `/api/outages/${all.id}/void`, {});
    const voided = await expectStatus<OutageDto>(admin, 200, 'POST', `/api/outages/${all.id}/void`, {
      reason: '误报，实为单基站',
    });
    expect(voided).toMatchObject({ voidReason: '误报，实为单基站', voidedAt: expect.any(String) });
    await expectStatus(admin, 409, 'POST', `/api/outages/${all.id}/void`, { reason: '再次' });
    await expectStatus(admin, 409, 'PUT', `/api/outages/${all.id}`, { note: '改' });
    expect((await credits('2026-03')).map((r) => [r.simId, r.day])).toEqual([[sims[0].id, '2026-03-07']]);
    expect((await audits('outages')).map((a) => a.action)).toEqual([
      'create',
      'create',
      'create',
      'update',
      'update',
    ]);

    const listed = await clients.auditor.request('GET', `/api/outages${filterQuery({ cause: 'carrier' })}`);
    expect(listed.headers.get('content-range')).toBe('outages 0-1/2');
    expect(
      (await expectStatus<OutageDto>(clients.auditor, 200, 'GET', `/api/outages/${short.id}`)).simIds,
    ).toEqual([sims[0].id]);

    const noPeriod = await expectStatus<ErrorBody>(clients.auditor, 400, 'GET', '/api/sla-credits');
    expect(fields(noPeriod)).toEqual(['filter.period']);
    expect(
      fields(
        await expectStatus<ErrorBody>(
          clients.auditor,
          400,
          'GET',
          `/api/sla-credits${filterQuery({ period: '2026-3' })}`,
        ),
      ),
    ).toEqual(['period']);

    expect(
      await expectStatus<SlaCreditTotalDto>(
        clients.auditor,
        200,
        'GET',
        '/api/periods/2026-03/bill-check/sla-credits',
      ),
    ).toEqual({
      period: '2026-03',
      totalFen: 879,
      days: 1,
      sims: 1,
    });
  });

  it('records invoices with their tax and the difference from what the contract expects', async () => {
    const invoice = await expectStatus<InvoiceDto>(admin, 201, 'POST', '/api/invoices', {
      invoiceNo: '6500261234',
      issuedOn: '2026-04-03',
      fromPeriod: '2026-03',
      toPeriod: '2026-03',
      amountFen: 1_635_000,
    });
    // 60 × 272.50 CNY less the one waived day (8.79 CNY): the carrier invoiced 8.79 CNY too much.
    expect(invoice).toMatchObject({
      taxFen: 92_547,
      creditsFen: 879,
      expectedFen: 1_634_121,
      differenceFen: 879,
    });
    const duplicate = await expectStatus<ErrorBody>(admin, 409, 'POST', '/api/invoices', {
      invoiceNo: '6500261234',
      issuedOn: '2026-04-03',
      fromPeriod: '2026-04',
      toPeriod: '2026-04',
      amountFen: 1,
    });
    expect(fields(duplicate)).toEqual(['invoiceNo']);
    const backwards = await expectStatus<ErrorBody>(admin, 400, 'POST', '/api/invoices', {
      invoiceNo: 'x',
      issuedOn: '2026-04-03',
      fromPeriod: '2026-04',
      toPeriod: '2026-03',
      amountFen: 1,
    });
    expect(fields(backwards)).toEqual(['toPeriod']);
    expect(
      fields(
        await expectStatus<ErrorBody>(admin, 400, 'POST', '/api/invoices', {
          invoiceNo: 'y',
          issuedOn: '2026-04-03',
          fromPeriod: '2026-4',
          toPeriod: '2026-04',
          amountFen: 1,
        }),
      ),
    ).toEqual(['fromPeriod']);
    await expectStatus(clients.auditor, 403, 'POST', '/api/invoices', { invoiceNo: 'z' });
    const corrected = await expectStatus<InvoiceDto>(admin, 200, 'PUT', `/api/invoices/${invoice.id}`, {
      amountFen: 1_634_121,
    });
    expect(corrected).toMatchObject({ differenceFen: 0, taxFen: 92_497 });
    expect(
      await expectStatus<InvoiceDto>(clients.auditor, 200, 'GET', `/api/invoices/${invoice.id}`),
    ).toEqual(corrected);
    const list = await clients.auditor.request('GET', '/api/invoices');
    expect(list.headers.get('content-range')).toBe('invoices 0-0/1');
    expect((await audits('invoices')).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('exports the ledger lists as CSV for finance, filtered as the lists are', async () => {
    const csv = async (path: string) => {
      const response = await clients.auditor.request('GET', path);
      expect(response.status).toBe(200);
      return (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const installmentRows = await csv('/api/exports/installments');
    expect(installmentRows[0]).toBe('期次,应付日,应付金额（元）,已付（元）,未付余额（元）,付清日,状态');
    expect(installmentRows).toHaveLength(7);
    expect(installmentRows[2]).toBe('2,2026-06-10,98100.00,98100.00,0.00,2026-06-30,已付清');
    const credits = await csv(`/api/exports/sla-credits${filterQuery({ period: '2026-03' })}`);
    expect(credits.slice(1)).toEqual([
      `2026-03-07,${sims[0].id},${sims[0].msisdn},8.79,单次中断满 3 小时,${credits[1].split(',').at(-1)}`,
    ]);
    expect(await csv('/api/exports/invoices')).toHaveLength(2);
    expect((await csv('/api/exports/outages')).length).toBe(4);
    for (const role of ['officer', 'repair_intake'] as const) {
      expect((await clients[role].request('GET', '/api/exports/installments')).status).toBe(403);
    }
  });

  it('lets officers and repair intake see none of it', async () => {
    for (const role of ['officer', 'repair_intake'] as const) {
      for (const path of [
        '/api/contracts',
        '/api/installments',
        '/api/contract/exposure',
        '/api/outages',
        `/api/sla-credits${filterQuery({ period: '2026-03' })}`,
        '/api/invoices',
      ]) {
        expect(`${role} ${path} ${(await clients[role].request('GET', path)).status}`).toBe(
          `${role} ${path} 403`,
        );
      }
    }
  });

  it('raises the deadline alerts of the contract with the daily alerts', async () => {
    const runner = new AlertsRunner(
      new AlertStore(fx.db),
      new InventoryLookupReader(fx.db),
      new ContractDeadlinesReader(fx.db),
      { contractSignedOn: '2025-11-20' } as AppConfig,
      offlineNotifier(new Clock({ clockStart: null })),
    );
    // On 2026-03-10 the first installment (payment reversed) is 90 days overdue, the second is not due yet.
    await runner.compute('2026-03-10');
    const alerts = await fx.db.manager.find(AlertEntity, {
      where: { asOf: '2026-03-10', resource: 'installments' },
    });
    expect(alerts.map((a) => [a.kind, a.resourceId, a.daysLeft, a.details.daysOverdue])).toEqual([
      ['installment_overdue_90', installments[0].id, 90, 90],
    ]);
    await runner.compute('2026-05-15');
    const dueSoon = await expectStatus<AlertDto[]>(
      clients.auditor,
      200,
      'GET',
      `/api/alerts${filterQuery({ asOf: '2026-05-15', resource: 'installments' })}`,
    );
    expect(dueSoon.map((a) => [a.kind, a.dueOn, a.daysLeft])).toEqual([
      ['installment_overdue_90', '2025-12-10', 90],
      ['installment_due', '2026-06-10', 30],
    ]);
    await runner.compute('2028-10-15');
    const ending = await fx.db.manager.find(AlertEntity, {
      where: { asOf: '2028-10-15', resource: 'contracts' },
      order: { kind: 'ASC' },
    });
    expect(ending.map((a) => [a.kind, a.dueOn, a.daysLeft])).toEqual([
      ['change_notice_deadline', '2028-11-04', 30],
      ['contract_ending', '2028-11-19', 90],
      ['termination_notice_deadline', '2028-10-20', 7],
    ]);
  });
});
