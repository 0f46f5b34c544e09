import { alertThreshold, daysBetween, type IsoDate } from '@fleet/domain/inventory';
import { contractEndOn, type ContractTerms, noticeDeadlines } from './contract-terms';
import { installmentExposure } from './exposure.util';
import { installmentState, type PaymentFact } from './schedule.util';

export const CONTRACT_ALERT_KINDS = [
  'installment_due',
  'installment_overdue',
  'installment_overdue_60',
  'installment_overdue_90',
  'contract_ending',
  'change_notice_deadline',
  'termination_notice_deadline',
] as const;
export type ContractAlertKind = (typeof CONTRACT_ALERT_KINDS)[number];

export interface ContractAlertDraft {
  kind: ContractAlertKind;
  resource: 'installments' | 'contracts';
  resourceId: number;
  dueOn: IsoDate | null;
  /** The threshold crossed for coming dates; for overdue ones the stage (60, 90) or null. */
  daysLeft: number | null;
  details: Record<string, string | number | null>;
}

export interface ContractAlertInputs {
  today: IsoDate;
  contract: { id: number; name: string; terms: ContractTerms };
  installments: readonly {
    id: number;
    seq: number;
    dueOn: IsoDate;
    amountFen: number;
    payments: readonly PaymentFact[];
  }[];
  /** Days ahead of an installment's due date (default 30 and 7). */
  dueThresholds?: readonly number[];
  /** Days ahead of the contract's end and its notice deadlines (default 90, 30 and 7). */
  dateThresholds?: readonly number[];
  /** Overdue stages worth their own alert (default 60 and 90). */
  overdueStages?: readonly number[];
}

/**
 * The contract's deadlines as alerts on one day (clauses 4.7, 6.4, 9.1, 10.2, 10.3): an unpaid installment
 * due within 30 or 7 days, one overdue (and at 60 and 90 days overdue, the termination threshold), the end
 * of the term, and the last day to give the change notice and the termination notice.
 */
export function contractAlerts(input: ContractAlertInputs): ContractAlertDraft[] {
  const { today, contract } = input;
  const { terms } = contract;
  const dueThresholds = input.dueThresholds ?? [30, 7];
  const dateThresholds = input.dateThresholds ?? [90, 30, 7];
  const stages = [...(input.overdueStages ?? [60, 90])].sort((a, b) => b - a);
  const alerts: ContractAlertDraft[] = [];

  for (const inst of input.installments) {
    const state = installmentState(inst, inst.payments, today);
    if (state.balanceFen === 0) continue;
    const details = { seq: inst.seq, balanceFen: state.balanceFen, contract: contract.name };
    if (state.status === 'overdue') {
      const { daysOverdue } = installmentExposure(inst, inst.payments, today, terms);
      const stage = stages.find((s) => daysOverdue >= s) ?? null;
      const kind: ContractAlertKind =
        stage === null
          ? 'installment_overdue'
          : stage >= 90
            ? 'installment_overdue_90'
            : 'installment_overdue_60';
      alerts.push({
        kind,
        resource: 'installments',
        resourceId: inst.id,
        dueOn: inst.dueOn,
        daysLeft: stage,
        details: { ...details, daysOverdue },
      });
      continue;
    }
    const threshold = alertThreshold(today, inst.dueOn, dueThresholds);
    if (threshold !== null) {
      alerts.push({
        kind: 'installment_due',
        resource: 'installments',
        resourceId: inst.id,
        dueOn: inst.dueOn,
        daysLeft: threshold,
        details: { ...details, days: daysBetween(today, inst.dueOn) },
      });
    }
  }

  const { changeNoticeBy, terminationNoticeBy } = noticeDeadlines(terms);
  const dates: [ContractAlertKind, IsoDate][] = [
    ['contract_ending', contractEndOn(terms)],
    ['change_notice_deadline', changeNoticeBy],
    ['termination_notice_deadline', terminationNoticeBy],
  ];
  for (const [kind, due] of dates) {
    const threshold = alertThreshold(today, due, dateThresholds);
    if (threshold === null) continue;
    alerts.push({
      kind,
      resource: 'contracts',
      resourceId: contract.id,
      dueOn: due,
      daysLeft: threshold,
      details: { contract: contract.name, days: daysBetween(today, due) },
    });
  }
  return alerts;
}
