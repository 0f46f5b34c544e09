import type { LiableParty } from './repair-terms';

/** Where a repair charge stands with its second pair of eyes (issue 12 item 9, 四眼原则). */
export const REPAIR_APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RepairApprovalStatus = (typeof REPAIR_APPROVAL_STATUSES)[number];

export const REPAIR_APPROVAL_LABELS: Record<RepairApprovalStatus, { zh: string; en: string }> = {
  pending: { zh: '待复核', en: 'awaiting approval' },
  approved: { zh: '已批准', en: 'approved' },
  rejected: { zh: '已驳回', en: 'rejected' },
};

/** Why a charge waits: an officer-liable cost above the threshold, or a liability an admin changed. */
export type RepairApprovalCause = 'amount' | 'override';

export interface RepairApprovalInput {
  liability: LiableParty | null;
  costFen: number | null;
  liabilityOverridden: boolean;
  /** REPAIR_APPROVAL_THRESHOLD_FEN: an officer-liable cost above it (not at it) waits. */
  thresholdFen: number;
}

/**
 * Whether a repair charge needs a second administrator's approval before it reaches a statement, and
 * why: an officer-liable cost strictly above the threshold, and any liability override. Empty: it
 * goes straight through.
 */
export function repairApprovalCauses(input: RepairApprovalInput): RepairApprovalCause[] {
  const causes: RepairApprovalCause[] = [];
  if (input.liability === 'officer' && input.costFen !== null && input.costFen > input.thresholdFen) {
    causes.push('amount');
  }
  if (input.liabilityOverridden) causes.push('override');
  return causes;
}

/** Whether a charge in this approval state may be put on a statement. */
export function repairChargeBillable(status: RepairApprovalStatus | null): boolean {
  return status === null || status === 'approved';
}
