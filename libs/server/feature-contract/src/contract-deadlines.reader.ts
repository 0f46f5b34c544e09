import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContractTerms } from '@fleet/domain/contract';
import { ContractEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { installmentsWithPayments, type LedgerInstallment, termsOf } from './shared/ledger.store';

export interface ContractWithInstallments {
  id: number;
  name: string;
  terms: ContractTerms;
  /** In order of their number, with the payments that count. */
  installments: LedgerInstallment[];
}

/**
 * The ledger as the daily alerts read it (installments due or overdue, a contract's end and notice
 * deadlines): every contract with its terms and installments, in the caller's transaction.
 */
@Injectable()
export class ContractDeadlinesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contracts(manager: EntityManager = this.dataSource.manager): Promise<ContractWithInstallments[]> {
    // One after another: the reads share the transaction's connection.
    const contracts = await manager.find(ContractEntity);
    const installments = await installmentsWithPayments(manager, null);
    return contracts.map((contract) => ({
      id: contract.id,
      name: contract.name,
      terms: termsOf(contract),
      installments: installments.filter((i) => i.contractId === contract.id),
    }));
  }
}
