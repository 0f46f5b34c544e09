import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IsoDate } from '@fleet/domain/inventory';
import { AlertEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

export interface AlertKey {
  kind: string;
  resource: string;
  resourceId: number;
}

type AlertValues = Pick<AlertEntity, 'dueOn' | 'daysLeft' | 'details'>;

/** The alerts table: the only code of the alerts that touches TypeORM (their list is the platform's ReadService). */
@Injectable()
export class AlertStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** One day's run in one transaction; two runs for the same day (the schedule and an admin's click) take turns. */
  forDay<T>(asOf: IsoDate, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`alerts:${asOf}`]);
      return work(manager);
    });
  }

  ofDay(manager: EntityManager, asOf: IsoDate): Promise<AlertEntity[]> {
    return manager.findBy(AlertEntity, { asOf });
  }

  /** The alerts of the latest day before this one. */
  async ofDayBefore(manager: EntityManager, asOf: IsoDate): Promise<AlertKey[]> {
    const before: { kind: string; resource: string; resource_id: number }[] = await manager.query(
      `SELECT kind, resource, resource_id FROM alerts
        WHERE as_of = (SELECT max(as_of) FROM alerts WHERE as_of < $1)`,
      [asOf],
    );
    return before.map((a) => ({ kind: a.kind, resource: a.resource, resourceId: a.resource_id }));
  }

  async remove(manager: EntityManager, ids: number[]): Promise<void> {
    if (ids.length) await manager.delete(AlertEntity, ids);
  }

  async add(
    manager: EntityManager,
    asOf: IsoDate,
    alert: Pick<AlertEntity, 'kind' | 'resource' | 'resourceId'> & AlertValues,
  ): Promise<void> {
    await manager.insert(AlertEntity, { ...alert, asOf });
  }

  async change(manager: EntityManager, id: number, values: AlertValues): Promise<void> {
    await manager.update(AlertEntity, id, values);
  }
}
