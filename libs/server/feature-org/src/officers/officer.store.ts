import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OfficerEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The officers table as org checks its writes: the only officer code that touches TypeORM. The
 * platform's CrudService writes the row and its audit row on `dataSource`.
 */
@Injectable()
export class OfficerStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  withBadge(manager: EntityManager, badgeNo: string): Promise<OfficerEntity | null> {
    return manager.findOneBy(OfficerEntity, { badgeNo });
  }

  countInUnit(unitId: number): Promise<number> {
    return this.dataSource.manager.countBy(OfficerEntity, { unitId });
  }
}
