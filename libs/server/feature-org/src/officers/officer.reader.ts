import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OfficerEntity } from '@fleet/server/persistence';
import { entityNames, type ExportLookup } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';

/** "杨国庆 (651786)": how an officer is named next to their id in every export. */
export const officerName = (officer: Pick<OfficerEntity, 'name' | 'badgeNo'>) =>
  `${officer.name} (${officer.badgeNo})`;

/**
 * Officers as other features read them (custody's holder, a lost report's reporter, a stocktake's
 * holder units): org owns the officers table, so this is the one way into it from outside.
 */
@Injectable()
export class OfficerReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(id: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(OfficerEntity, { id });
  }

  /** The officer; fails (as `findOneByOrFail`) when there is none. */
  get(id: number, manager: EntityManager = this.dataSource.manager): Promise<OfficerEntity> {
    return manager.findOneByOrFail(OfficerEntity, { id });
  }

  byIds(ids: readonly number[], manager: EntityManager = this.dataSource.manager): Promise<OfficerEntity[]> {
    return ids.length ? manager.findBy(OfficerEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * The officer locked in the caller's transaction, or null: two handovers to one officer at once take
   * turns, so both cannot pass a one-device check.
   */
  lock(manager: EntityManager, id: number): Promise<OfficerEntity | null> {
    return manager.findOne(OfficerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The unit of each officer, for those that have one (one parameter however many officers). */
  async unitsOf(ids: readonly number[], manager: EntityManager = this.dataSource.manager) {
    if (!ids.length) return new Map<number, number>();
    const rows = await manager
      .createQueryBuilder(OfficerEntity, 'o')
      .select(['o.id AS id', 'o.unit_id AS "unitId"'])
      .where('o.id = ANY(:ids)', { ids: [...ids] })
      .getRawMany<{ id: number; unitId: number }>();
    return new Map(rows.map((r) => [r.id, r.unitId]));
  }

  /** Officers named next to their ids in exports. */
  names(): ExportLookup {
    return entityNames(this.dataSource, OfficerEntity, officerName);
  }
}
