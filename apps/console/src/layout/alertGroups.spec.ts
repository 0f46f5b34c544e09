import { describe, expect, it } from '@jest/globals';
import type { AlertDto } from '@fleet/shared/contracts';

import { groupAlerts } from './alertGroups';

const alert = (
  id: number,
  kind: AlertDto['kind'],
  resource: string,
  daysLeft: number | null = null,
): AlertDto => ({
  id,
  asOf: '2026-12-06',
  kind,
  resource,
  resourceId: id,
  dueOn: null,
  daysLeft,
  details: {},
});

describe('groupAlerts', () => {
  it('gives the contract ledger its cards: installments by stage, and the contract deadlines together', () => {
    const groups = groupAlerts([
      alert(1, 'installment_due', 'installments', 7),
      alert(2, 'installment_overdue_90', 'installments', 90),
      alert(3, 'contract_ending', 'contracts', 90),
      alert(4, 'termination_notice_deadline', 'contracts', 30),
      alert(5, 'warranty_ending', 'devices', 30),
    ]);
    const of = (key: string) => groups.find((g) => g.key === key)!;
    expect(of('installment_due')).toMatchObject({ resource: 'installments', alerts: [{ id: 1 }] });
    expect(of('installment_overdue_90')).toMatchObject({
      resource: 'installments',
      severity: 'error',
      alerts: [{ id: 2 }],
    });
    expect(of('installment_overdue').alerts).toEqual([]);
    expect(of('contract_deadlines')).toMatchObject({ resource: 'contracts', alerts: [{ id: 3 }, { id: 4 }] });
    expect(of('warranty_30').alerts.map((a) => a.id)).toEqual([5]);
  });
});
