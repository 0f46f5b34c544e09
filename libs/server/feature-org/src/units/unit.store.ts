import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnitEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

/**
 * The units table as UnitsService checks its writes: the only unit code that touches TypeORM. The
 * platform's CrudService writes the row and its audit row on `dataSource`.
 */
@Injectable()
export class UnitStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The unit of that name under the parent (null: at the root), if any. */
  named(manager: EntityManager, name: string, parentId: number | null): Promise<UnitEntity | null> {
    return manager.findOneBy(UnitEntity, { name, parentId: parentId ?? IsNull() });
  }

  /** Whether `candidate` is the unit itself or one of its sub-units at any depth. */
  async isSelfOrDescendant(manager: EntityManager, candidate: number, unitId: number): Promise<boolean> {
    const rows: { id: number }[] = await manager.query(
      `WITH RECURSIVE sub(id) AS (SELECT $1::int UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
       SELECT id FROM sub WHERE id = $2`,
      [unitId, candidate],
    );
    return rows.length > 0;
  }

  countChildren(id: number): Promise<number> {
    return this.dataSource.manager.countBy(UnitEntity, { parentId: id });
  }
}
