import { TERMS_2025 } from './contract.fixture';
import { invoiceCheck, monthsCovered, taxIncludedFen } from './invoice.util';

describe('invoices (clauses 4.4, 4.9)', () => {
  it.each([
    [58_860_000, 3_331_698],
    [1_635_000, 92_547],
    [10_000, 566],
    [100, 6],
    [53, 3],
    [9, 1],
    [8, 0],
    [0, 0],
  ])('the 6 %% tax in %i fen is %i fen (× 6/106, half up)', (amount, tax) => {
    expect(taxIncludedFen(amount, TERMS_2025.vatRateBp)).toBe(tax);
  });

  it('counts the months of a period both ends included', () => {
    expect(monthsCovered('2026-03', '2026-03')).toBe(1);
    expect(monthsCovered('2025-12', '2026-05')).toBe(6);
  });

  it('expects SIMs × fee × months less the SLA credits, and says by how much the invoice differs', () => {
    expect(
      invoiceCheck({
        amountFen: 1_635_000,
        fromPeriod: '2026-03',
        toPeriod: '2026-03',
        creditsFen: 1_758,
        terms: TERMS_2025,
      }),
    ).toEqual({ taxFen: 92_547, expectedFen: 1_633_242, differenceFen: 1_758 });
    expect(
      invoiceCheck({
        amountFen: 9_810_000,
        fromPeriod: '2025-12',
        toPeriod: '2026-05',
        creditsFen: 0,
        terms: TERMS_2025,
      }),
    ).toMatchObject({ expectedFen: 9_810_000, differenceFen: 0 });
  });
});
