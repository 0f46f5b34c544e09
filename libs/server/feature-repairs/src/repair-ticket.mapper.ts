import { allowedRepairTransitions } from '@fleet/domain/repairs';
import type { RepairEventDto, RepairPhotoDto, RepairTicketDto } from '@fleet/shared/contracts';
import type {
  RepairPhotoEntity,
  RepairTicketEntity,
  RepairTicketEventEntity,
} from '@fleet/server/persistence';

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;

/** A ticket's wire form; `imei` is the device's IMEI 1 at the time of the read. */
export function toRepairTicketDto(t: RepairTicketEntity, imei: string): RepairTicketDto {
  return {
    id: t.id,
    ticketNo: t.ticketNo,
    deviceId: t.deviceId,
    imei,
    status: t.status,
    reportedAt: t.reportedAt.toISOString(),
    reportedByOfficerId: t.reportedByOfficerId,
    holderOfficerId: t.holderOfficerId,
    fault: t.fault,
    accessories: t.accessories,
    condition: t.condition,
    damagedAt: iso(t.damagedAt),
    cause: t.cause,
    diagnosis: t.diagnosis,
    warrantyEndOn: t.warrantyEndOn,
    inWarranty: t.inWarranty,
    liability: t.liability,
    liableOfficerId: t.liableOfficerId,
    liabilityReason: t.liabilityReason,
    liabilityReasonEn: t.liabilityReasonEn,
    liabilityOverridden: t.liabilityOverridden,
    quoteFen: t.quoteFen,
    costFen: t.costFen,
    vendor: t.vendor,
    trackingNote: t.trackingNote,
    replacementDeviceId: t.replacementDeviceId,
    loanerDeviceId: t.loanerDeviceId,
    loanerOutAt: iso(t.loanerOutAt),
    loanerBackAt: iso(t.loanerBackAt),
    closedAt: iso(t.closedAt),
    chargePeriod: t.chargePeriod,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    notes: t.notes,
    cancelReason: t.cancelReason,
    loanerSimIds: t.loanerSimIds,
    nextStatuses: [...allowedRepairTransitions(t.status)],
    approvalStatus: t.approvalStatus,
    approvalCauses: t.approvalCauses,
    approvalRequestedByUserId: t.approvalRequestedByUserId,
    approvalDecidedByUserId: t.approvalDecidedByUserId,
    approvalDecidedAt: iso(t.approvalDecidedAt),
    approvalReason: t.approvalReason,
  };
}

export function toRepairEventDto(e: RepairTicketEventEntity, username: string | null): RepairEventDto {
  return {
    id: e.id,
    ticketId: e.ticketId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    at: e.at.toISOString(),
    userId: e.userId,
    username,
    note: e.note,
  };
}

export function toRepairPhotoDto(p: RepairPhotoEntity): RepairPhotoDto {
  return {
    id: p.id,
    ticketId: p.ticketId,
    fileName: p.fileName,
    contentType: p.contentType,
    sizeBytes: p.sizeBytes,
    uploadedAt: p.uploadedAt.toISOString(),
  };
}
