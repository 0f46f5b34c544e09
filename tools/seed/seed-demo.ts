// Fills an empty database with the demo bureau and a login of each role, each row audited as the
// seed's work. Later capabilities add their part here (devices, SIMs, usage, repairs, payments).
import {
  OfficerEntity,
  RepairTicketEntity,
  UnitEntity,
  UserEntity,
  createDataSource,
} from '@fleet/server/persistence';
import {
  ClosePeriodUseCase,
  MonthCharges,
  PeriodsStore,
  UsageChargesService,
  UsageChargesStore,
} from '@fleet/server/feature-billing';
import { HolderSpansReader } from '@fleet/server/feature-inventory';
import { RepairChargesReader, repairStatusNote } from '@fleet/server/feature-repairs';
import { CountedUsageReader, MonthlyUsageWriter } from '@fleet/server/feature-usage';
import { AuditService, hashPassword, offlineNotifier } from '@fleet/server/platform';
import { Clock } from '@fleet/server/config';
import type { DataSource } from 'typeorm';
import type { Role } from '@fleet/shared/contracts';
import { generateDemoBureau } from './demo-bureau';
import { seedAlertCases } from './seed-alerts';
import { seedContract } from './seed-contract';
import { seedInventory } from './seed-inventory';
import { seedRepairs } from './seed-repairs';
import { seedOfficerHistory, seedUsageMonth } from './seed-usage';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  note: string;
}

const SEED_ACTOR = { userId: null, username: 'seed', ip: null };

async function closeAsSeed(dataSource: DataSource, audit: AuditService, period: string): Promise<void> {
  const store = new PeriodsStore(dataSource);
  const charges = new UsageChargesService(
    new UsageChargesStore(dataSource, new CountedUsageReader(), new HolderSpansReader()),
  );
  const close = new ClosePeriodUseCase(
    store,
    new MonthCharges(store, charges, new RepairChargesReader()),
    audit,
    offlineNotifier(new Clock({ clockStart: null })),
    new MonthlyUsageWriter(),
  );
  // The close records who closed: the seed, as an administrator without a login of its own.
  await close.execute(
    period,
    { ...SEED_ACTOR, userId: null as unknown as number, role: 'admin', officerId: null },
    new Date(),
  );
}

/**
 * The demo officer's bell beside their statement's notification (the close made it): the last step of
 * each repair ticket of a phone they hold, as the flow would have notified them.
 */
async function notifyRepairsAsSeed(dataSource: DataSource, officerId: number): Promise<void> {
  const tickets = await dataSource.manager.find(RepairTicketEntity, {
    where: { holderOfficerId: officerId },
    order: { id: 'ASC' },
  });
  const notifier = offlineNotifier(new Clock({ clockStart: null }));
  await dataSource.transaction((manager) => notifier.toOfficers(manager, tickets.map(repairStatusNote)));
}

/**
 * Seeds when the database has no units yet; returns the demo logins it created (none if it did not),
 * each with its own password from `makePassword`, an initial one that must be changed at the first login.
 */
export async function seedDemoIfEmpty(databaseUrl: string, makePassword: () => string): Promise<DemoLogin[]> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  const audit = new AuditService();
  try {
    let closeMonth: string | null = null;
    let demoOfficerId: number | null = null;
    const logins = await dataSource.transaction(async (manager) => {
      if ((await manager.count(UnitEntity)) > 0) return [];
      const bureau = generateDemoBureau();
      const unitIds = new Map<string, number>();
      for (const unit of bureau.units) {
        const saved = await manager.save(
          manager.create(UnitEntity, {
            name: unit.name,
            parentId: unit.parentKey ? unitIds.get(unit.parentKey)! : null,
          }),
        );
        unitIds.set(unit.key, saved.id);
        await audit.record(manager, {
          actor: SEED_ACTOR,
          action: 'create',
          resource: 'units',
          resourceId: saved.id,
          after: saved,
        });
      }
      const officers: OfficerEntity[] = [];
      for (const officer of bureau.officers) {
        const saved = await manager.save(
          manager.create(OfficerEntity, { ...officer, unitId: unitIds.get(officer.unitKey)! }),
        );
        officers.push(saved);
        await audit.record(manager, {
          actor: SEED_ACTOR,
          action: 'create',
          resource: 'officers',
          resourceId: saved.id,
          after: saved,
        });
      }
      await seedInventory(manager, audit, officers, unitIds.get('qiemo-bureau')!);
      await seedAlertCases(manager, audit);
      await seedUsageMonth(manager);
      await seedRepairs(manager, audit);
      await seedContract(manager, audit);
      const firstActive = officers.find((o) => o.status === 'active')!;
      closeMonth = await seedOfficerHistory(manager, firstActive.id);
      demoOfficerId = firstActive.id;
      const logins: DemoLogin[] = [
        {
          username: 'repair',
          password: makePassword(),
          role: 'repair_intake',
          note: '维修接收 field repair intake',
        },
        { username: 'auditor', password: makePassword(), role: 'auditor', note: '审计 auditor' },
        {
          username: firstActive.badgeNo,
          password: makePassword(),
          role: 'officer',
          note: `警员 ${firstActive.name}`,
        },
      ];
      for (const login of logins) {
        const saved = await manager.save(
          manager.create(UserEntity, {
            username: login.username,
            passwordHash: await hashPassword(login.password),
            role: login.role,
            officerId: login.role === 'officer' ? firstActive.id : null,
            mustChangePassword: true,
            passwordChangedAt: new Date(),
          }),
        );
        await audit.record(manager, {
          actor: SEED_ACTOR,
          action: 'create',
          resource: 'users',
          resourceId: saved.id,
          after: saved,
        });
      }
      return logins;
    });
    // The month before last holds only the demo officer's usage: closed as an administrator would, it
    // issues them a statement to answer (last month stays open for the demo's own close).
    if (closeMonth) await closeAsSeed(dataSource, audit, closeMonth);
    if (demoOfficerId !== null) await notifyRepairsAsSeed(dataSource, demoOfficerId);
    return logins;
  } finally {
    await dataSource.destroy();
  }
}
