import type { SimSlot } from '@fleet/domain/inventory';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import type { AssignmentEntity, SimInstallationEntity } from '@fleet/server/persistence';

const iso = (moment: Date | null): string | null => (moment ? moment.toISOString() : null);

export function toAssignmentDto(a: AssignmentEntity): AssignmentDto {
  return {
    id: a.id,
    deviceId: a.deviceId,
    officerId: a.officerId,
    startAt: a.startAt.toISOString(),
    endAt: iso(a.endAt),
    condition: a.condition,
    accessories: a.accessories,
    returnCondition: a.returnCondition,
    acceptedAt: iso(a.acceptedAt),
    allowMultiple: a.allowMultiple,
    voidedAt: iso(a.voidedAt),
    voidReason: a.voidReason,
  };
}

export function toInstallationDto(i: SimInstallationEntity): SimInstallationDto {
  return {
    id: i.id,
    simId: i.simId,
    deviceId: i.deviceId,
    slot: i.slot as SimSlot,
    startAt: i.startAt.toISOString(),
    endAt: iso(i.endAt),
    voidedAt: iso(i.voidedAt),
    voidReason: i.voidReason,
  };
}
