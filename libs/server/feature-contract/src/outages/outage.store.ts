import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutageEntity } from '@fleet/server/persistence';
import type { DataSource, DeepPartial, EntityManager } from 'typeorm';

/** Outages: the only code of the outages that touches TypeORM (their list is the platform's ReadService). */
@Injectable()
export class OutageStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  build(manager: EntityManager, values: DeepPartial<OutageEntity>): OutageEntity {
    return manager.create(OutageEntity, values);
  }

  merge(manager: EntityManager, outage: OutageEntity, values: DeepPartial<OutageEntity>): OutageEntity {
    return manager.merge(OutageEntity, outage, values);
  }

  save(manager: EntityManager, outage: OutageEntity): Promise<OutageEntity> {
    return manager.save(OutageEntity, outage);
  }
}
