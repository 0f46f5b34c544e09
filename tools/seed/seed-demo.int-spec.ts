import {
  createDataSource,
  MonthlyUsageEntity,
  OfficerEntity,
  SimCardEntity,
  UserEntity,
} from '@fleet/server/persistence';
import { createTestDatabase } from '../test/test-db';
import { seedDemoIfEmpty } from './seed-demo';

describe('the demo seed', () => {
  it('fills an empty database once: the bureau, its phones, a month of usage with some over the plan, and demo logins', async () => {
    const database = await createTestDatabase();
    try {
      const logins = await seedDemoIfEmpty(database.url, 'demo-password-1');
      expect(logins.map((l) => l.role)).toEqual(['repair_intake', 'auditor', 'officer']);
      expect(await seedDemoIfEmpty(database.url, 'demo-password-1')).toEqual([]);

      const dataSource = await createDataSource(database.url).initialize();
      try {
        const manager = dataSource.manager;
        expect(await manager.count(OfficerEntity)).toBe(60);
        expect(await manager.count(SimCardEntity)).toBe(60);
        expect(await manager.count(UserEntity)).toBe(3);
        const usage = await manager.find(MonthlyUsageEntity);
        expect(usage).toHaveLength(60);
        expect(new Set(usage.map((u) => u.period)).size).toBe(1);
        expect(usage.some((u) => u.voiceMin > 1_500)).toBe(true);
        expect(usage.some((u) => u.voiceMin <= 1_500 && u.sms <= 100)).toBe(true);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
