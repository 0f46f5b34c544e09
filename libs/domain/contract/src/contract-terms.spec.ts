import { TERMS_2025 } from './contract.fixture';
import {
  checkContractTerms,
  contractEndOn,
  contractTotalFen,
  noticeDeadlines,
  terminationClaimFen,
} from './contract-terms';
import { divideHalfUp } from './money.util';
import { installmentSchedule } from './schedule.util';

describe('contract terms', () => {
  it('totals 60 SIMs × 272.50 CNY × 36 months = 588,600.00 CNY, and 30 % of it is 176,580.00 CNY', () => {
    expect(contractTotalFen(TERMS_2025)).toBe(58_860_000);
    expect(terminationClaimFen(TERMS_2025)).toBe(17_658_000);
  });

  it('follows the terms it is given, not the 2025 contract (a renewal with 40 SIMs at 300.00 CNY for 24 months)', () => {
    const renewal = {
      ...TERMS_2025,
      simCount: 40,
      monthlyFeeFen: 30_000,
      termMonths: 24,
      terminationClaimBp: 2_500,
    };
    expect(contractTotalFen(renewal)).toBe(28_800_000);
    expect(terminationClaimFen(renewal)).toBe(7_200_000);
  });

  it('schedules six installments of 98,100.00 CNY every six months from 2025-12-10 (§3.6)', () => {
    expect(installmentSchedule(TERMS_2025)).toEqual(
      ['2025-12-10', '2026-06-10', '2026-12-10', '2027-06-10', '2027-12-10', '2028-06-10'].map(
        (dueOn, i) => ({
          seq: i + 1,
          dueOn,
          amountFen: 9_810_000,
        }),
      ),
    );
  });

  it('ends the term the day before the same date 36 months on, with the notice deadlines 15 and 30 days before', () => {
    expect(contractEndOn(TERMS_2025)).toBe('2028-11-19');
    expect(noticeDeadlines(TERMS_2025)).toEqual({
      changeNoticeBy: '2028-11-04',
      terminationNoticeBy: '2028-10-20',
    });
  });

  it('accepts the 2025 terms and names the field when the installments do not add up to the total', () => {
    expect(checkContractTerms(TERMS_2025)).toEqual([]);
    const wrong = checkContractTerms({ ...TERMS_2025, installmentFen: 9_800_000 });
    expect(wrong.map((p) => p.field)).toEqual(['installmentFen']);
    expect(wrong[0].reason.zh).toContain('58860000');
    expect(checkContractTerms({ ...TERMS_2025, firstDueOn: '2025-11-19' }).map((p) => p.field)).toEqual([
      'firstDueOn',
    ]);
  });

  it.each([
    [3, 2, 2],
    [1, 2, 1],
    [5, 10, 1],
    [4, 10, 0],
    [29_430, 1, 29_430],
    [-3, 2, -2],
  ])('divides %i by %i half up to %i', (n, d, q) => expect(divideHalfUp(n, d)).toBe(q));
});
