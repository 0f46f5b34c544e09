import {
  allowedRepairTransitions,
  LIABLE_PARTIES,
  REPAIR_APPROVAL_STATUSES,
  REPAIR_CAUSES,
  REPAIR_STATUSES,
  type RepairStatus,
} from '@fleet/domain/repairs';
import { REPAIR_OUTCOMES, type RepairTicketDto } from '@fleet/shared/contracts';

// The domain's lists (libs/domain/repairs) as react-admin choices; their labels are in i18n, built from
// the domain's own zh/en words.
const choicesFrom = (values: readonly string[], keyPrefix: string) =>
  values.map((value) => ({ id: value, name: `${keyPrefix}.${value}` }));

export const REPAIR_STATUS_CHOICES = choicesFrom(REPAIR_STATUSES, 'fleet.repair_status');
export const REPAIR_CAUSE_CHOICES = choicesFrom(REPAIR_CAUSES, 'fleet.repair_cause');
export const LIABLE_PARTY_CHOICES = choicesFrom(LIABLE_PARTIES, 'fleet.liable_party');
export const REPAIR_APPROVAL_CHOICES = choicesFrom(REPAIR_APPROVAL_STATUSES, 'fleet.repair_approval');
export const RETURN_OUTCOME_CHOICES = choicesFrom(REPAIR_OUTCOMES, 'fleet.repair_status');

/** The accessories a phone usually comes in with: toggled on the intake page, printed on the receipt. */
export const INTAKE_ACCESSORIES = ['充电器', '数据线', '保护壳', 'SIM卡', '耳机', '其他'] as const;

/** The statuses the ticket may move to: the API says (`nextStatuses`), else the domain's flow. */
export function nextStatusesOf(ticket: RepairTicketDto): readonly RepairStatus[] {
  return Array.isArray(ticket.nextStatuses) ? ticket.nextStatuses : allowedRepairTransitions(ticket.status);
}

/** The chip colour of a status: open work, waiting for the outcome, done, or dropped. */
export function statusColor(status: RepairStatus): 'default' | 'info' | 'warning' | 'success' | 'error' {
  switch (status) {
    case 'received':
    case 'diagnosed':
      return 'info';
    case 'sent_out':
      return 'warning';
    case 'returned':
    case 'replaced':
    case 'closed':
      return 'success';
    case 'beyond_repair':
      return 'error';
    case 'cancelled':
      return 'default';
  }
}
