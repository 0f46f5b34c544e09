import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScheduledInstallment } from '@fleet/domain/contract';
import { ContractEntity, InstallmentEntity, InstallmentPaymentEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, In } from 'typeorm';

/** The contract's row and its laid-out installments: the only code of the contract record that touches TypeORM. */
@Injectable()
export class ContractStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  byName(manager: EntityManager, name: string): Promise<ContractEntity | null> {
    return manager.findOneBy(ContractEntity, { name });
  }

  build(manager: EntityManager, values: Partial<ContractEntity>): ContractEntity {
    return manager.create(ContractEntity, values);
  }

  save(manager: EntityManager, contract: ContractEntity): Promise<ContractEntity> {
    return manager.save(ContractEntity, contract);
  }

  /** How many payments are recorded on the contract's installments (reversed ones too). */
  async paymentCount(manager: EntityManager, contractId: number): Promise<number> {
    const installments = await manager.findBy(InstallmentEntity, { contractId });
    return installments.length
      ? manager.countBy(InstallmentPaymentEntity, { installmentId: In(installments.map((i) => i.id)) })
      : 0;
  }

  /** The contract's installments as the schedule lays them out, replacing any it had. */
  async layOut(manager: EntityManager, contractId: number, schedule: ScheduledInstallment[]): Promise<void> {
    await manager.delete(InstallmentEntity, { contractId });
    await manager.insert(
      InstallmentEntity,
      schedule.map((i) => ({ ...i, contractId })),
    );
  }
}
