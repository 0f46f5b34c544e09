import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContractTerms, ExposureInstallment, OutageFact } from '@fleet/domain/contract';
import {
  ContractEntity,
  InstallmentEntity,
  InstallmentPaymentEntity,
  OutageEntity,
} from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';

export interface LedgerInstallment extends ExposureInstallment {
  seq: number;
  contractId: number;
}

/** Installments (of the contracts, or all) with the payments that count (reversed ones do not). */
export async function installmentsWithPayments(
  manager: EntityManager,
  contractIds: number[] | null,
): Promise<LedgerInstallment[]> {
  const rows = await manager.find(InstallmentEntity, {
    where: contractIds ? { contractId: In(contractIds) } : {},
    order: { contractId: 'ASC', seq: 'ASC' },
  });
  const payments = rows.length
    ? await manager.find(InstallmentPaymentEntity, {
        where: { installmentId: In(rows.map((r) => r.id)), reversedAt: IsNull() },
      })
    : [];
  return rows.map((r) => ({
    id: r.id,
    contractId: r.contractId,
    seq: r.seq,
    dueOn: r.dueOn,
    amountFen: r.amountFen,
    payments: payments
      .filter((p) => p.installmentId === r.id)
      .map((p) => ({ paidOn: p.paidOn, amountFen: p.amountFen })),
  }));
}

/** Every field of the terms, checked complete by the compiler: what `termsOf` copies from the row. */
const TERM_FIELDS = Object.keys({
  startsOn: true,
  termMonths: true,
  simCount: true,
  monthlyFeeFen: true,
  installmentFen: true,
  installmentCount: true,
  firstDueOn: true,
  installmentIntervalMonths: true,
  lateRateBp: true,
  lateDailyFen: true,
  terminationDays: true,
  terminationClaimBp: true,
  vatRateBp: true,
  slaDayHours: true,
  slaMonthHours: true,
  changeNoticeDays: true,
  terminationNoticeDays: true,
} satisfies Record<keyof ContractTerms, true>) as (keyof ContractTerms)[];

/** The contract's terms as the rules take them: the columns of its row, nothing from code. */
export function termsOf(contract: ContractEntity): ContractTerms {
  return Object.fromEntries(TERM_FIELDS.map((field) => [field, contract[field]])) as unknown as ContractTerms;
}

/** The only reads of the ledger's tables the use cases share: a contract, its installments with payments, outages. */
@Injectable()
export class LedgerStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The contract asked for, or the latest one when none is named; 404 when there is none. */
  async contract(contractId: number | undefined, manager: EntityManager = this.dataSource.manager) {
    const found =
      contractId === undefined
        ? await manager.findOne(ContractEntity, { where: {}, order: { startsOn: 'DESC', id: 'DESC' } })
        : await manager.findOneBy(ContractEntity, { id: contractId });
    if (!found) throw ApiException.notFound('contracts', contractId ?? '—');
    return found;
  }

  /** Installments with the payments that count (reversed ones do not). */
  installments(
    contractIds: number[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerInstallment[]> {
    return installmentsWithPayments(manager, contractIds);
  }

  /** A contract's outages that count (not voided), as the SLA rule takes them. */
  async outages(contractId: number): Promise<OutageFact[]> {
    const rows = await this.dataSource.manager.find(OutageEntity, {
      where: { contractId, voidedAt: IsNull() },
    });
    return rows.map(({ id, startAt, endAt, cause, scope, simIds }) => ({
      id,
      startAt,
      endAt,
      cause,
      scope,
      simIds,
    }));
  }
}
