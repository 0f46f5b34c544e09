import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AssignmentEntity, SimInstallationEntity } from '@fleet/server/persistence';
import type { Actor, ListQuery, ListResult, ListSpec } from '@fleet/server/platform';
import { type DataSource, type EntityManager } from 'typeorm';
import { listNarrowed, type Narrow, VisibleRows } from '../shared/visible-rows.reader';

// An officer login sees its own assignments.
const OWN = 'e.officerId = :scope';

/** Which intervals a custody list holds besides its filters: voided ones only when asked for. */
export interface IntervalFilter {
  /** true: only open intervals; false: only ended ones; undefined: both. */
  open?: boolean;
  includeVoided: boolean;
}

const intervalFilter =
  <E extends AssignmentEntity | SimInstallationEntity>({ open, includeVoided }: IntervalFilter): Narrow<E> =>
  (builder) => {
    if (!includeVoided) builder.andWhere('e.voidedAt IS NULL');
    if (open === true) builder.andWhere('e.endAt IS NULL');
    if (open === false) builder.andWhere('e.endAt IS NOT NULL');
  };

/**
 * Custody history as read (lists, a device's intervals, the counts that keep a device or SIM from
 * being deleted); CustodyStore writes it. The platform's ReadService reads single rows on `dataSource`.
 */
@Injectable()
export class CustodyReader {
  /** The assignments an actor may see: an officer login only its own. */
  private readonly assignments: VisibleRows<AssignmentEntity>;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.assignments = new VisibleRows(dataSource, AssignmentEntity, 'assignments', OWN);
  }

  /** A page of assignments: an officer login's own only. */
  listAssignments(
    actor: Actor,
    spec: ListSpec,
    query: ListQuery,
    filter: IntervalFilter,
  ): Promise<ListResult<AssignmentEntity>> {
    return this.assignments.list(actor, spec, query, intervalFilter(filter));
  }

  listInstallations(
    spec: ListSpec,
    query: ListQuery,
    filter: IntervalFilter,
  ): Promise<ListResult<SimInstallationEntity>> {
    return listNarrowed(this.dataSource, SimInstallationEntity, spec, query, intervalFilter(filter));
  }

  /** An assignment the actor may see: an officer only their own, others answer 404. */
  visibleAssignment(actor: Actor, id: number): Promise<AssignmentEntity> {
    return this.assignments.find(actor, id);
  }

  assignmentsOf(deviceId: number, manager: EntityManager = this.dataSource.manager) {
    return manager.findBy(AssignmentEntity, { deviceId });
  }

  installationsOf(deviceId: number, manager: EntityManager = this.dataSource.manager) {
    return manager.findBy(SimInstallationEntity, { deviceId });
  }

  /** The device's assignments and installations, voided ones included. */
  async countOfDevice(deviceId: number): Promise<number> {
    const manager = this.dataSource.manager;
    return (
      (await manager.countBy(AssignmentEntity, { deviceId })) +
      (await manager.countBy(SimInstallationEntity, { deviceId }))
    );
  }

  countOfSim(simId: number): Promise<number> {
    return this.dataSource.manager.countBy(SimInstallationEntity, { simId });
  }
}
