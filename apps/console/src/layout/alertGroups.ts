import type { AlertDto } from '@fleet/shared/contracts';

/** One card on the dashboard: alerts of a kind (and for warranties, of a threshold), and where they lead. */
export interface AlertGroup {
  key: string;
  title: string;
  titleArgs?: Record<string, number>;
  resource: string;
  alerts: AlertDto[];
  severity: 'error' | 'warning' | 'info';
}

const WARRANTY_THRESHOLDS = [7, 30, 90] as const;

/** Warranties by the tightest threshold crossed (7, 30, 90 days), then the other kinds, each as one card. */
export function groupAlerts(alerts: readonly AlertDto[]): AlertGroup[] {
  const ofKind = (kind: AlertDto['kind']) => alerts.filter((alert) => alert.kind === kind);
  const warranty = ofKind('warranty_ending');
  const warrantyGroups = WARRANTY_THRESHOLDS.map((days, index): AlertGroup => {
    const above = index === 0 ? -1 : WARRANTY_THRESHOLDS[index - 1];
    return {
      key: `warranty_${days}`,
      title: 'fleet.alerts.warranty_ending',
      titleArgs: { days },
      resource: 'devices',
      alerts: warranty.filter((alert) => (alert.daysLeft ?? 0) > above && (alert.daysLeft ?? 0) <= days),
      severity: days === 7 ? 'error' : 'warning',
    };
  });
  return [
    ...warrantyGroups,
    simple('lease_ending', 'devices', 'warning'),
    simple('sim_not_real_name', 'sim-cards', 'warning'),
    simple('sim_not_active', 'sim-cards', 'info'),
    simple('device_lost', 'devices', 'error'),
    // The contract ledger (issue 13): installments due or overdue, and the contract's own deadlines.
    simple('installment_due', 'installments', 'warning'),
    simple('installment_overdue', 'installments', 'error'),
    simple('installment_overdue_60', 'installments', 'error'),
    simple('installment_overdue_90', 'installments', 'error'),
    {
      key: 'contract_deadlines',
      title: 'fleet.alerts.contract_deadlines',
      resource: 'contracts',
      alerts: alerts.filter((a) =>
        ['contract_ending', 'change_notice_deadline', 'termination_notice_deadline'].includes(a.kind),
      ),
      severity: 'warning',
    },
  ];

  function simple(kind: AlertDto['kind'], resource: string, severity: AlertGroup['severity']): AlertGroup {
    return { key: kind, title: `fleet.alerts.${kind}`, resource, alerts: ofKind(kind), severity };
  }
}
