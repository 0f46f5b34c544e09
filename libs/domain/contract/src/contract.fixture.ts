import type { ContractTerms } from './contract-terms';

/** The contract of domain.md §1, as the seed stores it: a test input, never read by a rule. */
export const TERMS_2025: ContractTerms = {
  startsOn: '2025-11-20',
  termMonths: 36,
  simCount: 60,
  monthlyFeeFen: 27_250,
  installmentFen: 9_810_000,
  installmentCount: 6,
  firstDueOn: '2025-12-10',
  installmentIntervalMonths: 6,
  lateRateBp: 30,
  lateDailyFen: 100_000,
  terminationDays: 90,
  terminationClaimBp: 3_000,
  vatRateBp: 600,
  slaDayHours: 3,
  slaMonthHours: 72,
  changeNoticeDays: 15,
  terminationNoticeDays: 30,
};
