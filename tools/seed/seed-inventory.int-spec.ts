import { holderAt } from '@fleet/domain/inventory';
import {
  AssignmentEntity,
  AuditLogEntity,
  createDataSource,
  DeviceEntity,
  OfficerEntity,
  SimCardEntity,
  SimInstallationEntity,
  UnitEntity,
} from '@fleet/server/persistence';
import { AuditService } from '@fleet/server/platform';
import { createTestDatabase } from '../test/test-db';
import { DEMO_ASSIGNED_DEVICES, seedInventory } from './seed-inventory';

describe('the demo inventory seed', () => {
  it('stores the 60 devices and SIMs, each SIM in its slot, and hands out 52 devices, all audited', async () => {
    const database = await createTestDatabase();
    const dataSource = await createDataSource(database.url).initialize();
    try {
      const seeded = await dataSource.transaction(async (manager) => {
        const unit = await manager.save(manager.create(UnitEntity, { name: '且末县公安局', parentId: null }));
        const officers: OfficerEntity[] = [];
        for (let i = 0; i < 60; i += 1) {
          officers.push(
            await manager.save(
              manager.create(OfficerEntity, {
                badgeNo: String(651000 + i),
                name: `警员${i}`,
                unitId: unit.id,
                status: i === 0 ? 'retired' : 'active',
              }),
            ),
          );
        }
        return seedInventory(manager, new AuditService(), officers, unit.id);
      });
      const manager = dataSource.manager;
      expect(seeded.deviceIds).toHaveLength(60);
      expect(await manager.count(SimCardEntity)).toBe(60);
      expect(await manager.countBy(DeviceEntity, { status: 'assigned' })).toBe(DEMO_ASSIGNED_DEVICES);
      expect(await manager.countBy(DeviceEntity, { status: 'in_stock' })).toBe(60 - DEMO_ASSIGNED_DEVICES);

      const sim = await manager.findOneByOrFail(SimCardEntity, { msisdn: '14780000000' });
      const device = await manager.findOneByOrFail(DeviceEntity, { imei1: '867912060622493' });
      expect(sim).toMatchObject({ deviceId: device.id, slot: 1, planEndsOn: '2028-10-31', status: 'active' });
      expect(device).toMatchObject({ warrantyEndOn: '2028-11-20', imei2: '867912060622501' });
      expect(await manager.countBy(SimInstallationEntity, { deviceId: device.id })).toBe(1);

      const assignments = await manager.findBy(AssignmentEntity, { deviceId: device.id });
      const heldBy = holderAt(
        assignments.map((a) => ({ holder: a.officerId, start: a.startAt, end: a.endAt })),
        new Date('2025-12-31T00:00:00+08:00'),
      );
      expect(heldBy).toBe(device.currentOfficerId);
      const retired = await manager.findOneByOrFail(OfficerEntity, { status: 'retired' });
      expect(await manager.countBy(AssignmentEntity, { officerId: retired.id })).toBe(0);
      expect(await manager.countBy(AuditLogEntity, { resource: 'assignments' })).toBe(DEMO_ASSIGNED_DEVICES);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
