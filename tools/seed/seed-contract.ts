// The demo's contract ledger: the contract of domain.md §1 as data (the one place its figures are written
// down: the rules read them from the contracts row), its six installments, the first paid on time and the
// second paid late in two parts, a carrier outage of a few hours on one township's phones and a
// force-majeure one in the demo month (last month), and the carrier's invoice for that month, which does
// not deduct the SLA credits. Called by seed-demo.ts inside the seed's transaction; dates after `today`
// are left out, so the demo stays true whenever it is seeded.
import { installmentSchedule, TERMS_2025 } from '@fleet/domain/contract';
import { addMonths, chinaDateOf } from '@fleet/domain/inventory';
import type { ContractRequest } from '@fleet/shared/contracts';
import {
  ContractEntity,
  InstallmentEntity,
  InstallmentPaymentEntity,
  InvoiceEntity,
  OutageEntity,
  SimCardEntity,
} from '@fleet/server/persistence';
import type { AuditService } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';

const SEED_ACTOR = { userId: null, username: 'seed', ip: null };

/** The service agreement of domain.md §1 (clauses 4.1–4.9, 6.3, 6.4, 9.1, 10.2, 10.3). */
export const CONTRACT_2025: ContractRequest = {
  name: '移动警务通终端及通信服务合同',
  bureau: '且末县公安局',
  carrier: '中国移动通信集团新疆有限公司巴音郭楞分公司',
  signedOn: '2025-11-20',
  ...TERMS_2025,
};

/** How many SIMs the carrier outage touched: one township station's phones. */
export const DEMO_OUTAGE_SIMS = 8;

export async function seedContract(
  manager: EntityManager,
  audit: AuditService,
  today: Date = new Date(),
): Promise<ContractEntity> {
  const record = (resource: string, resourceId: number, after: unknown) =>
    audit.record(manager, { actor: SEED_ACTOR, action: 'create', resource, resourceId, after });
  const todayOn = chinaDateOf(today);

  const contract = await manager.save(manager.create(ContractEntity, CONTRACT_2025));
  await record('contracts', contract.id, contract);
  const installments: InstallmentEntity[] = [];
  for (const i of installmentSchedule(contract)) {
    installments.push(
      await manager.save(manager.create(InstallmentEntity, { ...i, contractId: contract.id })),
    );
  }

  const [first, second] = installments;
  const half = contract.installmentFen / 2;
  const payments = [
    {
      installmentId: first.id,
      paidOn: first.dueOn,
      amountFen: contract.installmentFen,
      reference: '国库集中支付 2025-1208-001',
    },
    // Late: ten days after the due date half, the rest 23 days after.
    {
      installmentId: second.id,
      paidOn: '2026-06-20',
      amountFen: half,
      reference: '国库集中支付 2026-0620-017',
    },
    {
      installmentId: second.id,
      paidOn: '2026-07-03',
      amountFen: half,
      reference: '国库集中支付 2026-0703-004',
    },
  ].filter((p) => p.paidOn <= todayOn);
  for (const p of payments) {
    const saved = await manager.save(
      manager.create(InstallmentPaymentEntity, { ...p, recordedByUserId: null }),
    );
    await record('payments', saved.id, saved);
  }

  const month = addMonths(`${todayOn.slice(0, 7)}-01`, -1).slice(0, 7);
  const at = (day: string, time: string) => new Date(`${month}-${day}T${time}:00+08:00`);
  const sims = await manager.find(SimCardEntity, { order: { id: 'ASC' }, take: DEMO_OUTAGE_SIMS });
  const outages = [
    {
      startAt: at('12', '09:30'),
      endAt: at('12', '13:45'),
      cause: 'carrier' as const,
      scope: 'sims' as const,
      simIds: sims.map((s) => s.id),
      note: '乡镇基站传输光缆被施工挖断，派出所辖区警务通无信号 4 小时 15 分',
    },
    {
      startAt: at('20', '16:00'),
      endAt: at('21', '08:00'),
      cause: 'force_majeure' as const,
      scope: 'all' as const,
      simIds: [],
      note: '强沙尘暴致区域电力中断，全县基站停电',
    },
  ];
  for (const o of outages) {
    const saved = await manager.save(
      manager.create(OutageEntity, { ...o, contractId: contract.id, createdByUserId: null }),
    );
    await record('outages', saved.id, saved);
  }

  const invoice = await manager.save(
    manager.create(InvoiceEntity, {
      contractId: contract.id,
      invoiceNo: `65002${month.replace('-', '')}01`,
      issuedOn: `${addMonths(`${month}-01`, 1).slice(0, 7)}-03`,
      fromPeriod: month,
      toPeriod: month,
      // The full month for 60 SIMs: the carrier did not deduct the day its outage waived.
      amountFen: contract.simCount * contract.monthlyFeeFen,
      note: '增值税普通发票，税率 6%',
    }),
  );
  await record('invoices', invoice.id, invoice);
  return contract;
}
