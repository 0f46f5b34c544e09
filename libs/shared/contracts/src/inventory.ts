import type { ContractAlertKind } from '@fleet/domain/contract';
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
  /** What remains to do after the report (see LOST_FOLLOW_UP_KEYS). */
  followUps: LostFollowUpDto[];
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
  kind:
    | 'warranty_ending'
    | 'lease_ending'
    | 'sim_not_real_name'
    | 'sim_not_active'
    | 'device_lost'
    | ContractAlertKind;
  resource: string;
  resourceId: number;
  dueOn: string | null;
  daysLeft: number | null;
  details: Record<string, string | number | null>;
}

// --- Custody queries (issue 3: inventory core API) ---

/** `GET /api/devices/:id/holder?at=` — who held the device at a moment (voided intervals never count). */
export interface DeviceHolderAtDto {
  deviceId: number;
  at: string;
  officerId: number | null;
  assignmentId: number | null;
}

/** `GET /api/devices/:id/sims?at=` — the SIMs in the device at a moment, by slot. */
export interface DeviceSimsAtDto {
  deviceId: number;
  at: string;
  sims: { simId: number; slot: 1 | 2; installationId: number }[];
}

// --- Lost/stolen, lease end and stocktakes (issue 3, items 4, 5, 9): requests and answers ---

/** After a loss: ask the carrier to suspend the SIM(s), ask device management to wipe the work space. */
export const LOST_FOLLOW_UP_KEYS = ['sim_suspend', 'wipe'] as const;
export type LostFollowUpKey = (typeof LOST_FOLLOW_UP_KEYS)[number];

export interface LostFollowUpDto {
  key: LostFollowUpKey;
  doneAt: string | null;
  doneByUserId: number | null;
}

export interface ReportLostRequest {
  kind: 'lost' | 'stolen';
  reportedAt?: string;
  reportedByOfficerId?: number | null;
  policeCaseNo?: string | null;
  circumstances?: string | null;
}

/** A leased device whose lease has ended by the date asked, with its lease-end checklist. */
export interface LeaseEndDeviceDto {
  deviceId: number;
  model: string;
  imei1: string;
  leaseEndOn: string;
  ownership: DeviceOwnershipValue;
  status: DeviceStatusValue;
  currentOfficerId: number | null;
  check: LeaseEndCheckDto | null;
}

export interface LeaseEndCheckRequest {
  condition?: string | null;
  workspaceWipedAt?: string | null;
  registeredAsAssetAt?: string | null;
  assetNo?: string | null;
}

export interface LeaseEndTransferRequest {
  deviceIds: number[];
  on: string;
}

/** Per device: transferred, unchanged (already the bureau's) or rejected with the reason. */
export interface LeaseEndTransferResultDto {
  on: string;
  results: {
    deviceId: number;
    outcome: 'transferred' | 'unchanged' | 'rejected';
    reason: string | null;
  }[];
}

export interface StocktakeScanDto {
  id: number;
  stocktakeId: number;
  imei: string;
  deviceId: number | null;
  /** found: expected here; unexpected: a known device not expected here; unknown: no device has the IMEI. */
  outcome: 'found' | 'unexpected' | 'unknown';
  scannedAt: string;
}

/** The fleet at a glance (`GET /api/dashboard/fleet`): counts by status, and dates coming up. */
export interface FleetSummaryDto {
  asOf: string;
  devices: { status: string; count: number }[];
  sims: { status: string; count: number }[];
  /** Devices (not retired) whose warranty or lease ends within each horizon from `asOf`, in days. */
  endingWithin: { days: number; warranty: number; lease: number }[];
}
