import { contractExposure, slaCredits } from '@fleet/domain/contract';
import { addMonths, chinaDateOf } from '@fleet/domain/inventory';
import {
  AssignmentEntity,
  ContractEntity,
  createDataSource,
  InstallmentEntity,
  InstallmentPaymentEntity,
  InvoiceEntity,
  OutageEntity,
  DeviceEntity,
  MonthlyUsageEntity,
  OfficerEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
  SimCardEntity,
  UserEntity,
} from '@fleet/server/persistence';
import { IsNull } from 'typeorm';
import { createTestDatabase } from '../test/test-db';
import { seedDemoIfEmpty } from './seed-demo';

describe('the demo seed', () => {
  it('fills an empty database once: the bureau, its phones, a month of usage with some over the plan, and demo logins', async () => {
    const database = await createTestDatabase();
    try {
      let made = 0;
      const logins = await seedDemoIfEmpty(database.url, () => `demo-harbour-lantern-${++made}`);
      expect(logins.map((l) => l.role)).toEqual(['repair_intake', 'auditor', 'officer']);
      // Each login its own password, an initial one.
      expect(new Set(logins.map((l) => l.password)).size).toBe(3);
      expect(await seedDemoIfEmpty(database.url, () => 'unused-password-1234')).toEqual([]);

      const dataSource = await createDataSource(database.url).initialize();
      try {
        const manager = dataSource.manager;
        expect(await manager.count(OfficerEntity)).toBe(60);
        expect(await manager.count(SimCardEntity)).toBe(60);
        // The dashboard's 未实名 alert card has two SIMs to show.
        expect(await manager.countBy(SimCardEntity, { realNameRegisteredOn: IsNull() })).toBe(2);
        expect(await manager.count(UserEntity)).toBe(3);
        expect(await manager.countBy(UserEntity, { mustChangePassword: true })).toBe(3);
        const thisMonth = `${chinaDateOf(new Date()).slice(0, 7)}-01`;
        const usage = await manager.findBy(MonthlyUsageEntity, {
          period: addMonths(thisMonth, -1).slice(0, 7),
        });
        expect(usage).toHaveLength(60);
        expect(usage.some((u) => u.voiceMin > 1_500)).toBe(true);
        expect(usage.some((u) => u.voiceMin <= 1_500 && u.sms <= 100)).toBe(true);

        // The demo officer's year: their SIM's 11 months before last month too, and the month before
        // last closed with a statement waiting for their answer (over the voice and SMS allowances).
        const officerLogin = await manager.findOneByOrFail(UserEntity, { role: 'officer' });
        // Their bell: the statement, and their repair tickets' last steps.
        const bell: { kind: string }[] = await manager.query(
          `SELECT kind FROM notifications WHERE user_id = $1 ORDER BY id`,
          [officerLogin.id],
        );
        expect(bell.map((n) => n.kind)).toEqual(
          expect.arrayContaining(['statement_issued', 'repair_status']),
        );
        const history: { period: string }[] = await manager.query(
          `SELECT u.period FROM monthly_usage u JOIN sim_cards s ON s.id = u.sim_id
             JOIN devices d ON d.id = s.device_id WHERE d.current_officer_id = $1 ORDER BY u.period`,
          [officerLogin.officerId],
        );
        expect(history.map((h) => h.period)).toEqual(
          Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i - 12).slice(0, 7)),
        );
        expect(await manager.count(MonthlyUsageEntity)).toBe(60 + 11);
        const statements: { officer_id: number | null; status: string; total_fen: number; period: string }[] =
          await manager.query('SELECT officer_id, status, total_fen, period FROM statements ORDER BY id');
        expect(statements.filter((st) => st.officer_id !== null)).toEqual([
          {
            officer_id: officerLogin.officerId,
            status: 'issued',
            total_fen: 260 * 19 + 28 * 10,
            period: addMonths(thisMonth, -2).slice(0, 7),
          },
        ]);

        // Repairs across the flow, consistent with custody.
        const tickets = await manager.find(RepairTicketEntity, { order: { id: 'ASC' } });
        expect(tickets.map((t) => t.status).sort()).toEqual(
          [
            'cancelled',
            'closed',
            'closed',
            'diagnosed',
            'received',
            'received',
            'returned',
            'sent_out',
          ].sort(),
        );
        const lastMonth = addMonths(`${chinaDateOf(new Date()).slice(0, 7)}-01`, -1).slice(0, 7);
        const demoOfficer = await manager.findOneByOrFail(UserEntity, { role: 'officer' });
        expect(tickets.find((t) => t.cause === 'screen')).toMatchObject({
          status: 'closed',
          costFen: 45000,
          liability: 'officer',
          liableOfficerId: demoOfficer.officerId,
          chargePeriod: lastMonth,
        });
        expect(tickets.find((t) => t.cause === 'force_majeure')).toMatchObject({
          liability: 'bureau',
          chargePeriod: lastMonth,
        });
        expect(tickets.find((t) => t.status === 'sent_out')?.trackingNote).toContain('顺丰');
        for (const t of tickets) {
          const events = await manager.findBy(RepairTicketEventEntity, { ticketId: t.id });
          expect(events.at(-1)?.toStatus).toBe(t.status);
          const device = await manager.findOneByOrFail(DeviceEntity, { id: t.deviceId });
          const open = await manager.findOneBy(AssignmentEntity, { deviceId: t.deviceId, endAt: IsNull() });
          expect(device.currentOfficerId).toBe(open?.officerId ?? null);
          if (['received', 'diagnosed', 'sent_out'].includes(t.status))
            expect(device.status).toBe('in_repair');
        }
        const lent = tickets.find((t) => t.loanerDeviceId !== null)!;
        expect(lent.loanerSimIds.length).toBeGreaterThan(0);
        const loaner = await manager.findOneByOrFail(DeviceEntity, { id: lent.loanerDeviceId! });
        expect(loaner).toMatchObject({ status: 'assigned', currentOfficerId: lent.holderOfficerId });
        expect((await manager.findBy(SimCardEntity, { deviceId: loaner.id })).map((s) => s.id)).toEqual(
          lent.loanerSimIds,
        );

        // The contract ledger: the first installment on time, the second late in two parts, a carrier
        // outage of a few hours on 8 SIMs and a force-majeure one last month, one invoice for that month.
        const contract = await manager.findOneByOrFail(ContractEntity, {});
        const installments = await manager.find(InstallmentEntity, { order: { seq: 'ASC' } });
        expect(installments).toHaveLength(6);
        const payments = await manager.find(InstallmentPaymentEntity, { order: { paidOn: 'ASC' } });
        expect(payments.map((p) => [p.installmentId, p.paidOn, p.amountFen])).toEqual([
          [installments[0].id, '2025-12-10', 9_810_000],
          [installments[1].id, '2026-06-20', 4_905_000],
          [installments[1].id, '2026-07-03', 4_905_000],
        ]);
        const exposure = contractExposure(
          contract,
          installments.map((i) => ({ ...i, payments: payments.filter((p) => p.installmentId === i.id) })),
          '2026-07-31',
        );
        expect(exposure.items.map((i) => [i.installmentId, i.daysOverdue])).toEqual([
          [installments[1].id, 22],
        ]);
        const outages = await manager.find(OutageEntity, { order: { startAt: 'ASC' } });
        expect(
          outages.map((o) => [o.cause, o.scope, o.simIds.length, o.startAt.toISOString().slice(0, 7)]),
        ).toEqual([
          ['carrier', 'sims', 8, expect.stringMatching(/^\d{4}-\d{2}$/)],
          ['force_majeure', 'all', 0, expect.stringMatching(/^\d{4}-\d{2}$/)],
        ]);
        const simIds = (await manager.find(SimCardEntity)).map((s) => s.id);
        const credits = slaCredits({ period: lastMonth, terms: contract, simIds, outages });
        expect(credits).toHaveLength(8);
        expect(new Set(credits.map((c) => c.day))).toEqual(new Set([`${lastMonth}-12`]));
        const invoice = await manager.findOneByOrFail(InvoiceEntity, {});
        expect(invoice).toMatchObject({ fromPeriod: lastMonth, toPeriod: lastMonth, amountFen: 1_635_000 });
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
