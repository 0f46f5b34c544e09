import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OfficerEntity, UnitEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, In } from 'typeorm';

/**
 * The organisation's tables (officers, units) as other features read them (the repairs). Each read
 * takes the caller's transaction's manager when it has one.
 */
@Injectable()
export class OrgLookupReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private of(manager: EntityManager | undefined): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  officer(id: number, manager?: EntityManager): Promise<OfficerEntity | null> {
    return this.of(manager).findOneBy(OfficerEntity, { id });
  }

  officerExists(id: number, manager?: EntityManager): Promise<boolean> {
    return this.of(manager).existsBy(OfficerEntity, { id });
  }

  unit(id: number, manager?: EntityManager): Promise<UnitEntity | null> {
    return this.of(manager).findOneBy(UnitEntity, { id });
  }

  /** The officers of the units and of every unit under them. */
  async officerIdsUnder(unitIds: number[], manager?: EntityManager): Promise<number[]> {
    const rows: { id: number }[] = await this.of(manager).query(
      `SELECT o.id FROM officers o WHERE o.unit_id IN (
         WITH RECURSIVE tree(id) AS (
           SELECT id FROM units WHERE id = ANY($1::int[])
           UNION SELECT c.id FROM units c JOIN tree ON c.parent_id = tree.id)
         SELECT id FROM tree)`,
      [unitIds],
    );
    return rows.map((r) => r.id);
  }

  /** Each officer's unit (id and name), for the officers asked for. */
  async unitsOf(
    officerIds: number[],
    manager?: EntityManager,
  ): Promise<Map<number, { unitId: number; unitName: string }>> {
    if (!officerIds.length) return new Map();
    const officers = await this.of(manager).findBy(OfficerEntity, { id: In([...new Set(officerIds)]) });
    const units = await this.of(manager).findBy(UnitEntity, {
      id: In([...new Set(officers.map((o) => o.unitId))]),
    });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return new Map(officers.map((o) => [o.id, { unitId: o.unitId, unitName: names.get(o.unitId)! }]));
  }
}
