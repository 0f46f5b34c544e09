import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OverageEntity } from '@fleet/server/persistence';
import { findList, type ListQuery, type ListResult } from '@fleet/server/platform';
import type { DataSource } from 'typeorm';

/** The overages each close wrote. */
@Injectable()
export class OveragesStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** A page of overages; `latestOnly`: of each month's latest close only. */
  list(resource: string, query: ListQuery, latestOnly: boolean): Promise<ListResult<OverageEntity>> {
    const builder = this.dataSource.getRepository(OverageEntity).createQueryBuilder('e');
    if (latestOnly) {
      // The period's version is that of its latest close, also when that close found no overage.
      builder.andWhere('e.version = (SELECT bp.version FROM billing_periods bp WHERE bp.period = e.period)');
    }
    return findList(resource, builder, query);
  }
}
