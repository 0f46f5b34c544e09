import { addDays, daysBetween, type IsoDate } from '@fleet/domain/inventory';
import { type ContractTerms, terminationClaimFen } from './contract-terms';
import { BP_PER_UNIT, divideHalfUp } from './money.util';
import { type PaymentFact, paymentsUpTo } from './schedule.util';

export interface InstallmentExposure {
  balanceFen: number;
  daysOverdue: number;
  clause48Fen: number;
  clause64Fen: number;
  terminationRight: boolean;
}

/**
 * Late-payment exposure of one installment as of a day (§3.6). A day is overdue when it is after the due
 * date and something is unpaid once that day's payments are counted, so the day the last part is paid is
 * not overdue. Clause 4.8: the sum over overdue days of rate × that day's unpaid balance, exact, rounded
 * half up once. Clause 6.4: the daily amount × days overdue; terminationDays or more gives the carrier the
 * right to terminate (and it stays given once reached, also after a later payment).
 */
export function installmentExposure(
  installment: { dueOn: IsoDate; amountFen: number },
  payments: readonly PaymentFact[],
  asOf: IsoDate,
  terms: Pick<ContractTerms, 'lateRateBp' | 'lateDailyFen' | 'terminationDays'>,
): InstallmentExposure {
  const paid = paymentsUpTo(payments, asOf);
  const balanceAfter = (day: IsoDate) =>
    Math.max(
      0,
      installment.amountFen - paid.filter((p) => p.paidOn <= day).reduce((s, p) => s + p.amountFen, 0),
    );

  // The balance only changes on payment days, so walk the segments between them: fen × days, exact.
  let balanceDays = 0;
  let daysOverdue = 0;
  const firstOverdue = addDays(installment.dueOn, 1);
  if (asOf >= firstOverdue) {
    const changes = [...new Set(paid.map((p) => p.paidOn).filter((d) => d > firstOverdue && d <= asOf))];
    let from = firstOverdue;
    for (const next of [...changes, addDays(asOf, 1)]) {
      const balance = balanceAfter(from);
      if (balance === 0) break;
      const days = daysBetween(from, next);
      balanceDays += balance * days;
      daysOverdue += days;
      from = next;
    }
  }
  return {
    balanceFen: balanceAfter(asOf),
    daysOverdue,
    clause48Fen: divideHalfUp(balanceDays * terms.lateRateBp, BP_PER_UNIT),
    clause64Fen: daysOverdue * terms.lateDailyFen,
    terminationRight: daysOverdue >= terms.terminationDays,
  };
}

export interface ExposureInstallment {
  id: number;
  dueOn: IsoDate;
  amountFen: number;
  payments: readonly PaymentFact[];
}

export interface ExposureItem extends InstallmentExposure {
  installmentId: number;
  dueOn: IsoDate;
}

export interface ContractExposure {
  asOf: IsoDate;
  items: ExposureItem[];
  clause48Fen: number;
  clause64Fen: number;
  terminationRight: boolean;
  /** The 6.4 claim, once however many installments reach the threshold; 0 without the right. */
  terminationClaimFen: number;
}

/** The exposure of a contract as of a day under both clauses, side by side (they disagree; none is picked). */
export function contractExposure(
  terms: ContractTerms,
  installments: readonly ExposureInstallment[],
  asOf: IsoDate,
): ContractExposure {
  const items = installments
    .map((i) => ({ installmentId: i.id, dueOn: i.dueOn, ...installmentExposure(i, i.payments, asOf, terms) }))
    .filter((i) => i.daysOverdue > 0);
  const terminationRight = items.some((i) => i.terminationRight);
  return {
    asOf,
    items,
    clause48Fen: items.reduce((s, i) => s + i.clause48Fen, 0),
    clause64Fen: items.reduce((s, i) => s + i.clause64Fen, 0),
    terminationRight,
    terminationClaimFen: terminationRight ? terminationClaimFen(terms) : 0,
  };
}
