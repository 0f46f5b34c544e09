import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LostReportDto } from '@fleet/shared/contracts';
import { AssignmentEntity, LostReportEntity, SimCardEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService } from '@fleet/server/platform';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { toLostReportDto } from './lost-report.mapper';

export const LOST_REPORT_RESOURCE = 'lost-reports';

/**
 * What the lost-report use cases write: the report with its audit rows, the holder's assignment
 * ended and the device's SIMs suspended when a loss is confirmed. The only lost-report code that
 * touches TypeORM; the device's status goes through DeviceStatusWriter. The platform's ReadService
 * reads reports on `dataSource`.
 */
@Injectable()
export class LostReportStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  openReport(manager: EntityManager, deviceId: number): Promise<LostReportEntity | null> {
    return manager.findOneBy(LostReportEntity, { deviceId, foundAt: IsNull() });
  }

  /** Every report of the device, for its timeline. */
  ofDevice(deviceId: number): Promise<LostReportEntity[]> {
    return this.dataSource.manager.findBy(LostReportEntity, { deviceId });
  }

  /** Saves a new report with its audit row. */
  async create(
    manager: EntityManager,
    actor: Actor,
    values: Partial<LostReportEntity>,
  ): Promise<LostReportDto> {
    const saved = await manager.save(manager.create(LostReportEntity, values));
    const after = toLostReportDto(saved);
    await this.audit.record(manager, {
      actor,
      action: 'create',
      resource: LOST_REPORT_RESOURCE,
      resourceId: saved.id,
      after,
    });
    return after;
  }

  /** Loads the report locked, lets `work` change it, saves it and audits before and after. */
  change(
    id: number,
    actor: Actor,
    work: (manager: EntityManager, report: LostReportEntity) => Promise<void>,
  ): Promise<LostReportDto> {
    return this.dataSource.transaction(async (manager) => {
      const report = await manager.findOne(LostReportEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report) throw ApiException.notFound(LOST_REPORT_RESOURCE, id);
      const before = toLostReportDto(report);
      await work(manager, report);
      const after = toLostReportDto(await manager.save(report));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: LOST_REPORT_RESOURCE,
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** A lost device has no holder; the assignment stays in the history, ended when the loss is confirmed. */
  async endAssignment(manager: EntityManager, deviceId: number, at: Date, actor: Actor): Promise<void> {
    const open = await manager.findOne(AssignmentEntity, {
      where: { deviceId, endAt: IsNull(), voidedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!open) return;
    // An assignment recorded to start later than now still ends after it starts (check constraint).
    const endAt = new Date(Math.max(at.getTime(), open.startAt.getTime() + 1000));
    await manager.update(AssignmentEntity, open.id, { endAt, endedByUserId: actor.userId });
    await this.audit.record(manager, {
      actor,
      action: 'update',
      resource: 'assignments',
      resourceId: open.id,
      before: { endAt: null },
      after: { endAt: endAt.toISOString(), reason: 'lost' },
    });
  }

  async suspendSims(manager: EntityManager, deviceId: number, actor: Actor): Promise<void> {
    const sims = await manager.find(SimCardEntity, {
      where: { deviceId, status: Not('terminated') },
      lock: { mode: 'pessimistic_write' },
    });
    for (const sim of sims.filter((s) => s.status !== 'suspended')) {
      await manager.update(SimCardEntity, sim.id, { status: 'suspended' });
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'sim-cards',
        resourceId: sim.id,
        before: { status: sim.status },
        after: { status: 'suspended' },
      });
    }
  }
}
