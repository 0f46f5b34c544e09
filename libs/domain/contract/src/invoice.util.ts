import type { ContractTerms } from './contract-terms';
import { BP_PER_UNIT, divideHalfUp } from './money.util';

/** The VAT in an amount that includes it (clauses 4.4, 4.9): amount × rate / (1 + rate), half up (6/106). */
export function taxIncludedFen(amountFen: number, vatRateBp: number): number {
  return divideHalfUp(amountFen * vatRateBp, BP_PER_UNIT + vatRateBp);
}

/** Natural months from `YYYY-MM` to `YYYY-MM`, both included. */
export function monthsCovered(fromPeriod: string, toPeriod: string): number {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  return index(toPeriod) - index(fromPeriod) + 1;
}

export interface InvoiceCheck {
  taxFen: number;
  expectedFen: number;
  /** The invoice minus what the contract expects: positive when the carrier invoiced more. */
  differenceFen: number;
}

/** What an invoice should say for its period: SIMs × fee × months − the SLA credits of those months. */
export function invoiceCheck(input: {
  amountFen: number;
  fromPeriod: string;
  toPeriod: string;
  creditsFen: number;
  terms: Pick<ContractTerms, 'simCount' | 'monthlyFeeFen' | 'vatRateBp'>;
}): InvoiceCheck {
  const { terms } = input;
  const expectedFen =
    terms.simCount * terms.monthlyFeeFen * monthsCovered(input.fromPeriod, input.toPeriod) - input.creditsFen;
  return {
    taxFen: taxIncludedFen(input.amountFen, terms.vatRateBp),
    expectedFen,
    differenceFen: input.amountFen - expectedFen,
  };
}
