import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OfficerEntity, UnitEntity } from '@fleet/server/persistence';
import { entityNames, type ExportLookup } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';

/** "杨国庆 (651786)": how an officer is named next to their id in every export. */
export const officerName = (officer: Pick<OfficerEntity, 'name' | 'badgeNo'>) =>
  `${officer.name} (${officer.badgeNo})`;

/**
 * The organisation's tables (officers, units) as other features read them (inventory, the repairs),
 * and as org's own checks read them. Each read takes the caller's transaction's manager when it has one.
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

  /** The officer; fails (as `findOneByOrFail`) when there is none. */
  officerOrFail(id: number, manager?: EntityManager): Promise<OfficerEntity> {
    return this.of(manager).findOneByOrFail(OfficerEntity, { id });
  }

  officerExists(id: number, manager?: EntityManager): Promise<boolean> {
    return this.of(manager).existsBy(OfficerEntity, { id });
  }

  officersByIds(ids: readonly number[], manager?: EntityManager): Promise<OfficerEntity[]> {
    return ids.length ? this.of(manager).findBy(OfficerEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * The officer locked in the caller's transaction, or null: two handovers to one officer at once take
   * turns, so both cannot pass a one-device check.
   */
  lockOfficer(manager: EntityManager, id: number): Promise<OfficerEntity | null> {
    return manager.findOne(OfficerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  unit(id: number, manager?: EntityManager): Promise<UnitEntity | null> {
    return this.of(manager).findOneBy(UnitEntity, { id });
  }

  unitExists(id: number, manager?: EntityManager): Promise<boolean> {
    return this.of(manager).existsBy(UnitEntity, { id });
  }

  /** Every unit, for a walk of the tree (say, a unit and its sub-units). */
  allUnits(manager?: EntityManager): Promise<UnitEntity[]> {
    return this.of(manager).find(UnitEntity);
  }

  unitsByIds(ids: readonly number[], manager?: EntityManager): Promise<UnitEntity[]> {
    return ids.length ? this.of(manager).findBy(UnitEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The unit and its ancestors, root (the bureau) first. */
  async unitPath(unitId: number, manager?: EntityManager): Promise<UnitEntity[]> {
    const path: UnitEntity[] = [];
    let next: number | null = unitId;
    while (next !== null && path.length < 20) {
      const unit: UnitEntity | null = await this.unit(next, manager);
      if (!unit) break;
      path.unshift(unit);
      next = unit.parentId;
    }
    return path;
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

  /**
   * Each officer's unit id, for as many officers as a whole bureau's holders (a stocktake's start): one
   * array parameter, where an IN list would pass PostgreSQL's 65,535 parameters.
   */
  async unitIdsOf(officerIds: readonly number[], manager?: EntityManager): Promise<Map<number, number>> {
    if (!officerIds.length) return new Map();
    const rows = await this.of(manager)
      .createQueryBuilder(OfficerEntity, 'o')
      .select(['o.id AS id', 'o.unit_id AS "unitId"'])
      .where('o.id = ANY(:ids)', { ids: [...officerIds] })
      .getRawMany<{ id: number; unitId: number }>();
    return new Map(rows.map((r) => [r.id, r.unitId]));
  }

  /** Officers named next to their ids in exports. */
  officerNames(): ExportLookup {
    return entityNames(this.dataSource, OfficerEntity, officerName);
  }

  /** Units named next to their ids in exports. */
  unitNames(): ExportLookup {
    return entityNames(this.dataSource, UnitEntity, (u) => u.name);
  }
}
