import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BillingPeriodEntity, BillingRulesEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/** Billing rules' versions, and the closed months they bill. */
@Injectable()
export class BillingRulesStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  findByStart(manager: EntityManager, effectiveFrom: string): Promise<BillingRulesEntity | null> {
    return manager.findOneBy(BillingRulesEntity, { effectiveFrom });
  }

  /** The first version starting after `from`, other than `selfId`. */
  nextAfter(manager: EntityManager, from: string, selfId: number | null): Promise<BillingRulesEntity | null> {
    return manager
      .createQueryBuilder(BillingRulesEntity, 'r')
      .where('r.effectiveFrom > :from', { from })
      .andWhere(selfId === null ? 'TRUE' : 'r.id <> :selfId', { selfId })
      .orderBy('r.effectiveFrom', 'ASC')
      .getOne();
  }

  /** The first closed month from `from` on (before `until`, if given). */
  firstClosed(
    manager: EntityManager,
    from: string,
    until: string | undefined,
  ): Promise<BillingPeriodEntity | null> {
    return manager
      .createQueryBuilder(BillingPeriodEntity, 'p')
      .where("p.status = 'closed' AND p.period >= :from", { from })
      .andWhere(until ? 'p.period < :until' : 'TRUE', { until })
      .orderBy('p.period', 'ASC')
      .getOne();
  }
}
