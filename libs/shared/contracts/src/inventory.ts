/**
 * Wire shapes of the inventory and custody resources (api.md). Dates are `YYYY-MM-DD`, moments ISO
 * 8601 with offset, money integer fen, volumes integer KB.
 */
export const DEVICE_STATUS_VALUES = ['in_stock', 'assigned', 'in_repair', 'lost', 'retired'] as const;
export type DeviceStatusValue = (typeof DEVICE_STATUS_VALUES)[number];
export const DEVICE_OWNERSHIP_VALUES = ['leased', 'bureau'] as const;
export type DeviceOwnershipValue = (typeof DEVICE_OWNERSHIP_VALUES)[number];
export const SIM_STATUS_VALUES = ['inactive', 'active', 'suspended', 'terminated'] as const;
export type SimStatusValue = (typeof SIM_STATUS_VALUES)[number];

export interface ApnProfileDto {
  id: number;
  name: string;
  apn: string;
  description: string | null;
}

export interface PlanDto {
  id: number;
  name: string;
  monthlyFeeFen: number;
  voiceMin: number;
  nationalKb: number;
  apnKb: number;
  sms: number;
  termMonths: number;
}

export interface DeviceDto {
  id: number;
  model: string;
  imei1: string;
  imei2: string | null;
  serialNumber: string | null;
  dualSystem: boolean;
  receivedOn: string;
  leaseStartOn: string | null;
  leaseEndOn: string | null;
  /** Derived: receivedOn + 36 months. */
  warrantyEndOn: string;
  status: DeviceStatusValue;
  ownership: DeviceOwnershipValue;
  currentOfficerId: number | null;
  unitId: number | null;
  notes: string | null;
}

export interface SimCardDto {
  id: number;
  iccid: string;
  msisdn: string;
  apnProfileId: number | null;
  planId: number | null;
  activatedOn: string | null;
  /** Derived: the last day of the activation month + 35 months. */
  planEndsOn: string | null;
  realNameRegisteredOn: string | null;
  status: SimStatusValue;
  deviceId: number | null;
  slot: 1 | 2 | null;
}

export interface AssignmentDto {
  id: number;
  deviceId: number;
  officerId: number;
  startAt: string;
  endAt: string | null;
  condition: string | null;
  accessories: string[];
  returnCondition: string | null;
  acceptedAt: string | null;
  allowMultiple: boolean;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface SimInstallationDto {
  id: number;
  simId: number;
  deviceId: number;
  slot: 1 | 2;
  startAt: string;
  endAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

/** One entry of a device's timeline, newest first. */
export interface TimelineEntryDto {
  at: string;
  kind:
    | 'assigned'
    | 'returned'
    | 'sim_installed'
    | 'sim_removed'
    | 'voided'
    | 'lost_reported'
    | 'found'
    | 'ownership_transferred';
  officerId: number | null;
  simId: number | null;
  slot: number | null;
  note: string | null;
  byUsername: string | null;
}

export interface LostReportDto {
  id: number;
  deviceId: number;
  kind: 'lost' | 'stolen';
  reportedAt: string;
  reportedByOfficerId: number | null;
  policeCaseNo: string | null;
  circumstances: string | null;
  confirmedAt: string | null;
  simSuspendRequestedAt: string | null;
  wipeRequestedAt: string | null;
  foundAt: string | null;
  closedAt: string | null;
}

export interface LeaseEndCheckDto {
  id: number;
  deviceId: number;
  condition: string | null;
  workspaceWipedAt: string | null;
  registeredAsAssetAt: string | null;
  assetNo: string | null;
  transferredAt: string | null;
}

export interface StocktakeDto {
  id: number;
  unitId: number | null;
  status: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  expectedDeviceIds: number[];
  /** Live while open, recorded at close. */
  foundDeviceIds: number[];
  missingDeviceIds: number[];
  unexpectedDeviceIds: number[];
  unknownImeis: string[];
  notes: string | null;
}

export const BULK_IMPORT_KIND_VALUES = ['devices', 'sim_cards', 'officers', 'units'] as const;
export type BulkImportKindValue = (typeof BULK_IMPORT_KIND_VALUES)[number];

export interface BulkImportDto {
  id: number;
  kind: BulkImportKindValue;
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface AlertDto {
  id: number;
  asOf: string;
  kind: 'warranty_ending' | 'lease_ending' | 'sim_not_real_name' | 'sim_not_active' | 'device_lost';
  resource: string;
  resourceId: number;
  dueOn: string | null;
  daysLeft: number | null;
  details: Record<string, string | number | null>;
}
