import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The plans table as their checks read it. The platform's CrudService writes a plan, with its audit
 * row, on `dataSource`.
 */
@Injectable()
export class PlanStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  withName(manager: EntityManager, name: string): Promise<PlanEntity | null> {
    return manager.findOneBy(PlanEntity, { name });
  }

  find(manager: EntityManager, id: number): Promise<PlanEntity | null> {
    return manager.findOneBy(PlanEntity, { id });
  }
}
