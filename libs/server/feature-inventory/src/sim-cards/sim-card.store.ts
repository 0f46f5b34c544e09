import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SimCardEntity } from '@fleet/server/persistence';
import {
  type Actor,
  entityNames,
  type ExportLookup,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import { findVisible, listNarrowed, narrowToOwn } from '../shared/visible-rows.reader';

// A SIM is visible to an officer while it is in the device that officer holds.
const IN_OWN_DEVICE = 'e.deviceId IN (SELECT d.id FROM devices d WHERE d.current_officer_id = :scope)';

/**
 * The SIM cards table: the only SIM code that touches TypeORM (custody moves a SIM's slot through
 * CustodyStore). The platform's CrudService writes a SIM, with its audit row, on `dataSource`.
 */
@Injectable()
export class SimCardStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  withIccid(manager: EntityManager, iccid: string): Promise<SimCardEntity | null> {
    return manager.findOneBy(SimCardEntity, { iccid });
  }

  /** A SIM that is not terminated with the number, other than `exceptId`. */
  liveWithMsisdn(manager: EntityManager, msisdn: string, exceptId?: number): Promise<SimCardEntity | null> {
    return manager.findOneBy(SimCardEntity, {
      msisdn,
      status: Not('terminated'),
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
  }

  countWithApnProfile(apnProfileId: number): Promise<number> {
    return this.dataSource.manager.countBy(SimCardEntity, { apnProfileId });
  }

  byIds(ids: readonly number[]): Promise<SimCardEntity[]> {
    return this.dataSource.manager.findBy(SimCardEntity, { id: In([...ids]) });
  }

  /** A page of the SIMs the actor may see: an officer only those in the device they hold. */
  listFor(actor: Actor, spec: ListSpec, query: ListQuery): Promise<ListResult<SimCardEntity>> {
    return listNarrowed(this.dataSource, SimCardEntity, spec, query, narrowToOwn(actor, IN_OWN_DEVICE));
  }

  /** The SIM if the actor may see it; otherwise 404. */
  findVisible(actor: Actor, id: number): Promise<SimCardEntity> {
    return findVisible(this.dataSource.manager, SimCardEntity, 'sim-cards', actor, id, IN_OWN_DEVICE);
  }

  /** SIMs named next to their ids in other lists' exports: the number. */
  names(): ExportLookup {
    return entityNames(this.dataSource, SimCardEntity, (s) => s.msisdn);
  }
}
