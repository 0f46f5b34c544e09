import { REPAIR_STATUS_LABELS } from '@fleet/domain/repairs';
import type { RepairTicketEntity } from '@fleet/server/persistence';
import type { NotificationDraft } from '@fleet/server/platform';

/** The holder's notification that their repair ticket moved (a ticket without a holder notifies no one). */
export function repairStatusNote(ticket: RepairTicketEntity): {
  officerId: number | null;
  draft: NotificationDraft;
} {
  const label = REPAIR_STATUS_LABELS[ticket.status];
  return {
    officerId: ticket.holderOfficerId,
    draft: {
      kind: 'repair_status',
      title: {
        zh: `维修单 ${ticket.ticketNo}：${label.zh}`,
        en: `Repair ticket ${ticket.ticketNo}: ${label.en}`,
      },
      link: '/my-repairs',
    },
  };
}
