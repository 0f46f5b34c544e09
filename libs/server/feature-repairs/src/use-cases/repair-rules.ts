import type { RepairTicketEntity } from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';

export const bad = (field: string, zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

/**
 * The moment whose holder is liable for damage by people: when it was damaged, else just before the
 * report (the intake ends the holder's assignment at the report, and an interval's end is exclusive).
 */
export function damageMoment(damagedAt: Date | null, reportedAt: Date): Date {
  const beforeReport = new Date(reportedAt.getTime() - 1);
  return damagedAt && damagedAt.getTime() < reportedAt.getTime() ? damagedAt : beforeReport;
}

/** Refuses a damage moment after the report. */
export function requireDamageBeforeReport(damagedAt: Date | null, reportedAt: Date): void {
  if (damagedAt && damagedAt.getTime() > reportedAt.getTime()) {
    throw bad('damagedAt', '损坏时间不能晚于报修时间', 'The damage cannot be after the report');
  }
}

/** A charge that needs no second pair of eyes. */
export const NO_APPROVAL = {
  approvalStatus: null,
  approvalCauses: [],
  approvalRequestedByUserId: null,
  approvalDecidedByUserId: null,
  approvalDecidedAt: null,
  approvalReason: null,
} satisfies Partial<RepairTicketEntity>;

/** A ticket with its loaner still out may be neither closed nor cancelled. */
export function requireLoanerBack(ticket: RepairTicketEntity): void {
  if (ticket.loanerDeviceId !== null && ticket.loanerBackAt === null) {
    throw ApiException.conflict({
      zh: `维修单 ${ticket.ticketNo} 的备用机（终端编号 ${ticket.loanerDeviceId}）尚未归还，请先收回备用机`,
      en: `The loaner (device ${ticket.loanerDeviceId}) of repair ticket ${ticket.ticketNo} is still out: take it back first`,
    });
  }
}
