import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SimCardEntity } from '@fleet/server/persistence';
import { entityNames, type ExportLookup } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import { VisibleRows } from '../shared/visible-rows.reader';

// A SIM is visible to an officer while it is in the device that officer holds.
const IN_OWN_DEVICE = 'e.deviceId IN (SELECT d.id FROM devices d WHERE d.current_officer_id = :scope)';

/**
 * The SIM cards table: the only SIM code that touches TypeORM (custody moves a SIM's slot through
 * CustodyStore). The platform's CrudService writes a SIM, with its audit row, on `dataSource`.
 */
@Injectable()
export class SimCardStore {
  /** The SIMs an actor may see: an officer login only those in the device it holds. */
  readonly visible: VisibleRows<SimCardEntity>;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.visible = new VisibleRows(dataSource, SimCardEntity, 'sim-cards', IN_OWN_DEVICE);
  }

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

  /** SIMs named next to their ids in other lists' exports: the number. */
  names(): ExportLookup {
    return entityNames(this.dataSource, SimCardEntity, (s) => s.msisdn);
  }
}
