import { addMonths, daysBetween, type IsoDate } from '@fleet/domain/inventory';
import type { ContractTerms } from './contract-terms';

export interface ScheduledInstallment {
  seq: number;
  dueOn: IsoDate;
  amountFen: number;
}

/** The installments of clause 4.7 (§3.6): count × amount, the first on firstDueOn, then every interval. */
export function installmentSchedule(
  terms: Pick<
    ContractTerms,
    'installmentFen' | 'installmentCount' | 'firstDueOn' | 'installmentIntervalMonths'
  >,
): ScheduledInstallment[] {
  return Array.from({ length: terms.installmentCount }, (_, i) => ({
    seq: i + 1,
    dueOn: addMonths(terms.firstDueOn, i * terms.installmentIntervalMonths),
    amountFen: terms.installmentFen,
  }));
}

/** A payment that counts (a reversed one does not): the day it is dated and its amount. */
export interface PaymentFact {
  paidOn: IsoDate;
  amountFen: number;
}

export const INSTALLMENT_STATUSES = ['upcoming', 'due', 'overdue', 'partly_paid', 'paid'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface InstallmentState {
  paidFen: number;
  balanceFen: number;
  /** The day of the payment that brought the balance to zero; null while anything is unpaid. */
  paidOn: IsoDate | null;
  status: InstallmentStatus;
}

/** Payments dated up to asOf, oldest first (a payment dated later has not happened yet as of asOf). */
export function paymentsUpTo(payments: readonly PaymentFact[], asOf: IsoDate): PaymentFact[] {
  return payments
    .filter((p) => p.paidOn <= asOf)
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
}

/**
 * An installment as of a day: paid when nothing is left; overdue from the day after its due date while
 * anything is unpaid (partly paid or not); partly paid when something but not all is paid before that;
 * due within dueSoonDays of its due date; upcoming before.
 */
export function installmentState(
  installment: { dueOn: IsoDate; amountFen: number },
  payments: readonly PaymentFact[],
  asOf: IsoDate,
  dueSoonDays = 30,
): InstallmentState {
  let paidFen = 0;
  let paidOn: IsoDate | null = null;
  for (const p of paymentsUpTo(payments, asOf)) {
    paidFen += p.amountFen;
    if (paidOn === null && paidFen >= installment.amountFen) paidOn = p.paidOn;
  }
  const balanceFen = Math.max(0, installment.amountFen - paidFen);
  const status: InstallmentStatus =
    balanceFen === 0
      ? 'paid'
      : asOf > installment.dueOn
        ? 'overdue'
        : paidFen > 0
          ? 'partly_paid'
          : daysBetween(asOf, installment.dueOn) <= dueSoonDays
            ? 'due'
            : 'upcoming';
  return { paidFen, balanceFen, paidOn, status };
}
