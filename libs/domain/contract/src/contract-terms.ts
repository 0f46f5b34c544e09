import { addDays, addMonths, type IsoDate } from '@fleet/domain/inventory';
import { BP_PER_UNIT, divideHalfUp } from './money.util';

/**
 * A carrier service contract as data (domain.md §1): every rule takes it as input, so a renewal or a
 * second contract is another value, not another code path. Money in fen, rates in basis points.
 */
export interface ContractTerms {
  /** The day the term starts (clause 9.1); the term runs termMonths from it. */
  startsOn: IsoDate;
  termMonths: number;
  simCount: number;
  /** Plan fee per SIM per month, tax included (clause 4.4). */
  monthlyFeeFen: number;
  /** Clause 4.7: installmentCount payments of installmentFen, the first due firstDueOn, then every intervalMonths. */
  installmentFen: number;
  installmentCount: number;
  firstDueOn: IsoDate;
  installmentIntervalMonths: number;
  /** Clause 4.8: penalty per overdue day on the unpaid balance (0.3 % = 30 bp). */
  lateRateBp: number;
  /** Clause 6.4: penalty per overdue day, per installment (1,000.00 CNY = 100,000 fen). */
  lateDailyFen: number;
  /** Clause 6.4: days overdue (or more) that give the carrier the right to terminate. */
  terminationDays: number;
  /** Clause 6.4: the claim on termination, a share of the contract total (30 % = 3,000 bp). */
  terminationClaimBp: number;
  /** Clauses 4.4, 4.9: VAT rate of the invoices (6 % = 600 bp). */
  vatRateBp: number;
  /** Clause 6.3: one continuous outage this long or longer waives the days it touches. */
  slaDayHours: number;
  /** Clause 6.3: this much outage time in a month or more waives every day of it that an outage touched. */
  slaMonthHours: number;
  /** Clause 10.2: written notice of a change, in days. */
  changeNoticeDays: number;
  /** Clause 10.3: written notice of an early termination, in days. */
  terminationNoticeDays: number;
}

/** What the bureau pays over the term: SIMs × monthly fee × months (clause 4.4: 588,600.00 CNY). */
export function contractTotalFen(
  terms: Pick<ContractTerms, 'simCount' | 'monthlyFeeFen' | 'termMonths'>,
): number {
  return terms.simCount * terms.monthlyFeeFen * terms.termMonths;
}

/** The claim on termination under 6.4: the contract total × the claim rate, half up (176,580.00 CNY). */
export function terminationClaimFen(terms: ContractTerms): number {
  return divideHalfUp(contractTotalFen(terms) * terms.terminationClaimBp, BP_PER_UNIT);
}

/** The last day of the term: the day before the same date termMonths later. */
export function contractEndOn(terms: Pick<ContractTerms, 'startsOn' | 'termMonths'>): IsoDate {
  return addDays(addMonths(terms.startsOn, terms.termMonths), -1);
}

/**
 * The last day a written notice can be given so that its period has run by the end of the term:
 * notice on day D with N days' notice takes effect on D + N, which must not be after the end.
 */
export function noticeDeadlines(terms: ContractTerms): {
  changeNoticeBy: IsoDate;
  terminationNoticeBy: IsoDate;
} {
  const end = contractEndOn(terms);
  return {
    changeNoticeBy: addDays(end, -terms.changeNoticeDays),
    terminationNoticeBy: addDays(end, -terms.terminationNoticeDays),
  };
}

/** A field of the terms that breaks a rule, with the reason in both languages; empty when all is well. */
export interface TermsProblem {
  field: keyof ContractTerms;
  reason: { zh: string; en: string };
}

/** Checks that the terms describe a contract the rules can compute (positive counts, rates in range). */
export function checkContractTerms(terms: ContractTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const total = contractTotalFen(terms);
  const scheduled = terms.installmentFen * terms.installmentCount;
  if (scheduled !== total) {
    problems.push({
      field: 'installmentFen',
      reason: {
        zh: `分期金额 × 期数 = ${scheduled} 分，与合同总额（号卡数 × 月费 × 月数）${total} 分不一致`,
        en: `installment × count = ${scheduled} fen differs from the contract total (SIMs × fee × months) ${total} fen`,
      },
    });
  }
  if (terms.firstDueOn < terms.startsOn) {
    problems.push({
      field: 'firstDueOn',
      reason: {
        zh: '首期付款日不能早于合同起始日',
        en: 'the first due date cannot be before the start of the term',
      },
    });
  }
  return problems;
}
