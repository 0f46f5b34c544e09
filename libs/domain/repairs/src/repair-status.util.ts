import { REPAIR_STATUS_LABELS, REPAIR_STATUSES, type RepairStatus } from './repair-terms';

/**
 * The status flow of a repair ticket: taken in, diagnosed, sent to the maker or a repair shop (or
 * handled at the desk), back as repaired, replaced or beyond repair, then closed with its final cost.
 * Only a ticket not yet diagnosed or sent out can be cancelled. Closed and cancelled are final.
 */
const NEXT: Readonly<Record<RepairStatus, readonly RepairStatus[]>> = {
  received: ['diagnosed', 'cancelled'],
  diagnosed: ['sent_out', 'returned', 'replaced', 'beyond_repair', 'cancelled'],
  sent_out: ['returned', 'replaced', 'beyond_repair'],
  returned: ['closed'],
  replaced: ['closed'],
  beyond_repair: ['closed'],
  closed: [],
  cancelled: [],
};

/** The statuses a ticket may move to from `from`. */
export function allowedRepairTransitions(from: RepairStatus): readonly RepairStatus[] {
  return NEXT[from];
}

export function repairTransitionAllowed(from: RepairStatus, to: RepairStatus): boolean {
  return NEXT[from].includes(to);
}

/** `to` when the flow allows moving there from `from`, otherwise null. */
export function nextRepairStatus(from: RepairStatus, to: RepairStatus): RepairStatus | null {
  return repairTransitionAllowed(from, to) ? to : null;
}

/** A ticket still being worked on: neither closed nor cancelled. */
export function isOpenRepairStatus(status: RepairStatus): boolean {
  return NEXT[status].length > 0;
}

export const OPEN_REPAIR_STATUSES: readonly RepairStatus[] = REPAIR_STATUSES.filter(isOpenRepairStatus);

/** Why a move is refused, naming both statuses, for a 409. */
export function repairTransitionRefusal(from: RepairStatus, to: RepairStatus): { zh: string; en: string } {
  const allowed = NEXT[from];
  return {
    zh: `维修单状态为「${REPAIR_STATUS_LABELS[from].zh}」，不能变为「${REPAIR_STATUS_LABELS[to].zh}」${
      allowed.length
        ? `（只能变为：${allowed.map((s) => REPAIR_STATUS_LABELS[s].zh).join('、')}）`
        : '（已是最终状态）'
    }`,
    en: `The repair ticket is ${from} and cannot become ${to}${
      allowed.length ? ` (it can become: ${allowed.join(', ')})` : ' (it is final)'
    }`,
  };
}
