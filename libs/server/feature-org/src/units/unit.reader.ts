import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnitEntity } from '@fleet/server/persistence';
import { entityNames, type ExportLookup } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';

/**
 * The unit tree as other features read it (a device's unit, a stocktake's sub-units, a receipt's unit
 * path): org owns the units table, so this is the one way into it from outside.
 */
@Injectable()
export class UnitReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(id: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(UnitEntity, { id });
  }

  /** Every unit, for a walk of the tree (say, a unit and its sub-units). */
  all(manager: EntityManager = this.dataSource.manager): Promise<UnitEntity[]> {
    return manager.find(UnitEntity);
  }

  byIds(ids: readonly number[], manager: EntityManager = this.dataSource.manager): Promise<UnitEntity[]> {
    return ids.length ? manager.findBy(UnitEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The unit and its ancestors, root (the bureau) first. */
  async path(unitId: number, manager: EntityManager = this.dataSource.manager): Promise<UnitEntity[]> {
    const path: UnitEntity[] = [];
    let next: number | null = unitId;
    while (next !== null && path.length < 20) {
      const unit: UnitEntity | null = await manager.findOneBy(UnitEntity, { id: next });
      if (!unit) break;
      path.unshift(unit);
      next = unit.parentId;
    }
    return path;
  }

  /** Units named next to their ids in exports. */
  names(): ExportLookup {
    return entityNames(this.dataSource, UnitEntity, (u) => u.name);
  }
}
