import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvoiceEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

/** The carrier's invoices: the only code of the invoices that touches TypeORM. */
@Injectable()
export class InvoiceStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A query over every invoice, for the list convention to filter, sort and page. */
  query(): SelectQueryBuilder<InvoiceEntity> {
    return this.dataSource.getRepository(InvoiceEntity).createQueryBuilder('e');
  }

  /** The invoice, locked when asked, or null. */
  find(manager: EntityManager, id: number, forUpdate = false): Promise<InvoiceEntity | null> {
    return manager.findOne(InvoiceEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The contract's invoice with that number, if any. */
  byNumber(manager: EntityManager, contractId: number, invoiceNo: string): Promise<InvoiceEntity | null> {
    return manager.findOneBy(InvoiceEntity, { contractId, invoiceNo });
  }

  build(manager: EntityManager, values: Partial<InvoiceEntity>): InvoiceEntity {
    return manager.create(InvoiceEntity, values);
  }

  save(manager: EntityManager, invoice: InvoiceEntity): Promise<InvoiceEntity> {
    return manager.save(InvoiceEntity, invoice);
  }
}
