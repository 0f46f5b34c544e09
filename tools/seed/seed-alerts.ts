// Something for the dashboard's alert cards on a fresh demo: the sample phones are all in warranty and
// lease and their SIMs registered, so nothing would be alerted. Two SIMs (the last two) are left awaiting
// the carrier's confirmation of real-name registration (clause 4.3), as happens with a new batch.
import { SimCardEntity } from '@fleet/server/persistence';
import type { AuditService } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';

const SEED_ACTOR = { userId: null, username: 'seed', ip: null };
const AWAITING_REAL_NAME = 2;

export async function seedAlertCases(manager: EntityManager, audit: AuditService): Promise<void> {
  const sims = await manager.find(SimCardEntity, { order: { id: 'DESC' }, take: AWAITING_REAL_NAME });
  for (const sim of sims) {
    await manager.update(SimCardEntity, sim.id, { realNameRegisteredOn: null });
    await audit.record(manager, {
      actor: SEED_ACTOR,
      action: 'update',
      resource: 'sim-cards',
      resourceId: sim.id,
      before: sim,
      after: { ...sim, realNameRegisteredOn: null },
    });
  }
}
