import type { ContractTerms } from './contract-terms';

/**
 * The terms of the contract of domain.md §1: the demo seed records them and tests take them as input;
 * no rule reads them (every rule takes the terms it is given).
 */
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
