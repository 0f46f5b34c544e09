import { TERMS_2025 } from './contract.fixture';
import { contractAlerts } from './contract-alerts.util';
import type { PaymentFact } from './schedule.util';

const contract = { id: 1, name: '警务通服务合同', terms: TERMS_2025 };
const inst = (payments: PaymentFact[] = []) => [
  { id: 11, seq: 1, dueOn: '2025-12-10', amountFen: 9_810_000, payments },
];
const kinds = (today: string, payments: PaymentFact[] = []) =>
  contractAlerts({ today, contract, installments: inst(payments) })
    .filter((a) => a.resource === 'installments')
    .map((a) => [a.kind, a.daysLeft]);

describe('contractAlerts', () => {
  it.each([
    ['2025-11-01', []],
    ['2025-11-10', [['installment_due', 30]]],
    ['2025-12-03', [['installment_due', 7]]],
    ['2025-12-10', [['installment_due', 7]]],
    ['2025-12-11', [['installment_overdue', null]]],
    ['2026-02-07', [['installment_overdue', null]]],
    ['2026-02-08', [['installment_overdue_60', 60]]],
    ['2026-03-10', [['installment_overdue_90', 90]]],
  ] as const)('on %s for an unpaid installment due 2025-12-10: %j', (today, want) => {
    expect(kinds(today)).toEqual(want);
  });

  it('raises nothing for a paid installment, and says how many days overdue and what is left', () => {
    expect(kinds('2025-12-03', [{ paidOn: '2025-12-01', amountFen: 9_810_000 }])).toEqual([]);
    const [alert] = contractAlerts({
      today: '2025-12-20',
      contract,
      installments: inst([{ paidOn: '2025-12-15', amountFen: 810_000 }]),
    });
    expect(alert.details).toMatchObject({ daysOverdue: 10, balanceFen: 9_000_000 });
  });

  it('warns of the end of the term and the last days for the notices', () => {
    const at = (today: string) =>
      contractAlerts({ today, contract, installments: [] }).map((a) => [a.kind, a.dueOn, a.daysLeft]);
    expect(at('2028-07-01')).toEqual([]);
    expect(at('2028-07-25')).toEqual([['termination_notice_deadline', '2028-10-20', 90]]);
    expect(at('2028-10-15')).toEqual([
      ['contract_ending', '2028-11-19', 90],
      ['change_notice_deadline', '2028-11-04', 30],
      ['termination_notice_deadline', '2028-10-20', 7],
    ]);
  });
});
