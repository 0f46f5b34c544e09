import { Injectable } from '@nestjs/common';
import { MonthlyUsageEntity } from '@fleet/server/persistence';
import type { EntityManager } from 'typeorm';

/** The write to usage's monthly totals another feature makes: billing's close marks SIMs outside the plan. */
@Injectable()
export class MonthlyUsageWriter {
  /**
   * Marks the month's totals of the SIMs the plan does not cover as outside the plan (§3.3), in the
   * caller's transaction (the close's). One array parameter, however many SIMs.
   */
  async markOutsidePlan(manager: EntityManager, period: string, simIds: readonly number[]): Promise<void> {
    if (!simIds.length) return;
    await manager
      .createQueryBuilder()
      .update(MonthlyUsageEntity)
      .set({ outsidePlan: true })
      .where('period = :period AND sim_id = ANY(:ids)', { period, ids: [...simIds] })
      .execute();
  }
}
