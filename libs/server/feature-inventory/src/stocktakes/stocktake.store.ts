import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StocktakeEntity, StocktakeScanEntity } from '@fleet/server/persistence';
import { findList, type ListQuery, type ListResult, type ListSpec } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';

/**
 * Stocktakes and their scans: the only stocktake code that touches TypeORM. The platform's ReadService
 * reads single stocktakes (locked, for a scan or the close) on `dataSource`.
 */
@Injectable()
export class StocktakeStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  page(spec: ListSpec, query: ListQuery): Promise<ListResult<StocktakeEntity>> {
    const builder = this.dataSource.getRepository(StocktakeEntity).createQueryBuilder('e');
    return findList(spec.resource, builder, query, spec.search);
  }

  /** The scans of the stocktakes, in no particular order. */
  scansOfAll(stocktakeIds: readonly number[]): Promise<StocktakeScanEntity[]> {
    return this.dataSource.manager.findBy(StocktakeScanEntity, { stocktakeId: In([...stocktakeIds]) });
  }

  /** The stocktake's scans, first scanned first. */
  scansOf(
    stocktakeId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StocktakeScanEntity[]> {
    return manager.find(StocktakeScanEntity, { where: { stocktakeId }, order: { id: 'ASC' } });
  }

  scanOf(manager: EntityManager, stocktakeId: number, imei: string): Promise<StocktakeScanEntity | null> {
    return manager.findOneBy(StocktakeScanEntity, { stocktakeId, imei });
  }

  create(manager: EntityManager, values: Partial<StocktakeEntity>): Promise<StocktakeEntity> {
    return manager.save(manager.create(StocktakeEntity, values));
  }

  save(manager: EntityManager, stocktake: StocktakeEntity): Promise<StocktakeEntity> {
    return manager.save(stocktake);
  }

  addScan(manager: EntityManager, values: Partial<StocktakeScanEntity>): Promise<StocktakeScanEntity> {
    return manager.save(manager.create(StocktakeScanEntity, values));
  }
}
