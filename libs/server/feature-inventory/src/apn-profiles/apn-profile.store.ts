import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApnProfileEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The APN profiles table as their checks read it. The platform's CrudService writes a profile, with
 * its audit row, on `dataSource`.
 */
@Injectable()
export class ApnProfileStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The profile whose name or APN is `value`. */
  withValue(manager: EntityManager, field: 'name' | 'apn', value: string): Promise<ApnProfileEntity | null> {
    return manager.findOneBy(ApnProfileEntity, { [field]: value });
  }

  exists(manager: EntityManager, id: number): Promise<boolean> {
    return manager.existsBy(ApnProfileEntity, { id });
  }
}
