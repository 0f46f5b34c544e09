import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InstallmentEntity, InstallmentPaymentEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

/** Installments and the payments recorded on them: the only code of the payments that touches TypeORM. */
@Injectable()
export class InstallmentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  installment(id: number): Promise<InstallmentEntity | null> {
    return this.dataSource.manager.findOneBy(InstallmentEntity, { id });
  }

  /** The installment locked, so two payments of it take turns. */
  lockInstallment(manager: EntityManager, id: number): Promise<InstallmentEntity | null> {
    return manager.findOne(InstallmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every payment of the installment, reversed ones too, in the order they were paid. */
  payments(installmentId: number): Promise<InstallmentPaymentEntity[]> {
    return this.dataSource.manager.find(InstallmentPaymentEntity, {
      where: { installmentId },
      order: { paidOn: 'ASC', id: 'ASC' },
    });
  }

  /** The installment's payments that count (not reversed). */
  countedPayments(manager: EntityManager, installmentId: number): Promise<InstallmentPaymentEntity[]> {
    return manager.findBy(InstallmentPaymentEntity, { installmentId, reversedAt: IsNull() });
  }

  lockPayment(
    manager: EntityManager,
    id: number,
    installmentId: number,
  ): Promise<InstallmentPaymentEntity | null> {
    return manager.findOne(InstallmentPaymentEntity, {
      where: { id, installmentId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  addPayment(
    manager: EntityManager,
    values: Partial<InstallmentPaymentEntity>,
  ): Promise<InstallmentPaymentEntity> {
    return manager.save(InstallmentPaymentEntity, manager.create(InstallmentPaymentEntity, values));
  }

  savePayment(manager: EntityManager, payment: InstallmentPaymentEntity): Promise<InstallmentPaymentEntity> {
    return manager.save(InstallmentPaymentEntity, payment);
  }
}
