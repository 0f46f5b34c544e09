import type {
  LiableParty,
  RepairApprovalCause,
  RepairApprovalStatus,
  RepairCause,
  RepairStatus,
} from '@fleet/domain/repairs';

// Wire shapes of repair tickets, their events, photos, loaners and reports (issue 5).
//
// Routes (all under /api; roles in brackets: A admin, R repair_intake, O officer, U auditor):
//   GET    /repair-tickets                       list (A R U; O: own tickets only)  filters: status, cause,
//                                                 liability, deviceId, officerId, unitId, q (IMEI, fault)
//   GET    /repair-tickets/:id                   one (A R U; O own)
//   POST   /repair-tickets                       intake (A R; O for the device they hold, as reporter)
//   PATCH  /repair-tickets/:id                   fault, accessories, condition, quote, notes (A R)
//   POST   /repair-tickets/:id/diagnose          { cause, diagnosis, quoteFen?, damagedAt? } (A R)
//   POST   /repair-tickets/:id/liability         admin override { liability, liableOfficerId?, reason } (A)
//   POST   /repair-tickets/:id/send              { vendor, trackingNote } (A R)
//   POST   /repair-tickets/:id/return            { outcome: returned|replaced|beyond_repair, finalCostFen?,
//                                                 replacementDeviceId?, note? } (A R)
//   POST   /repair-tickets/:id/close             { finalCostFen } (A R)
//   POST   /repair-tickets/:id/cancel            { reason } (A R)
//   POST   /repair-tickets/:id/approve           { reason? } a second admin approves the waiting charge (A)
//   POST   /repair-tickets/:id/reject            { reason } a second admin rejects it (A)
//   GET    /repair-tickets/:id/events            the status history (A R U; O own)
//   POST   /repair-tickets/:id/photos            multipart `file` (jpeg/png/webp, size-checked) (A R; O own)
//   GET    /repair-tickets/:id/photos            list (A R U; O own)
//   GET    /repair-tickets/:id/photos/:photoId   the image bytes (A R U; O own)
//   POST   /repair-tickets/:id/loaner            { loanerDeviceId, moveSim } hand out a loaner (A R)
//   POST   /repair-tickets/:id/loaner/return     { moveSimBack } take the loaner back (A R)
//   GET    /repair-tickets/:id/receipt           维修接收单, printable HTML in Chinese (A R U; O own)
//   GET    /repair-tickets/intake-lookup/:imei   device + holder + SIMs + warranty + open ticket (A R)
//   GET    /repair-reports/summary?groupBy=cause|payer|unit|month&from=YYYY-MM&to=YYYY-MM   (A R U)
//   GET    /repair-reports/repeated?minTickets=2&months=12                                   (A R U)

/** One repair ticket (api.md's `repair-tickets` and the fields a serious repair desk needs). */
export interface RepairTicketDto {
  id: number;
  /** 维修单号, e.g. WX-2026-000123. */
  ticketNo: string;
  deviceId: number;
  /** The device's IMEI 1 at the time of the read, for lists and the receipt. */
  imei: string;
  status: RepairStatus;
  reportedAt: string;
  reportedByOfficerId: number | null;
  /** The officer who held the device at `damagedAt` (or at `reportedAt`), from the custody history. */
  holderOfficerId: number | null;
  fault: string;
  accessories: string[];
  condition: string | null;
  /** When the damage happened, if known (defaults to reportedAt for the holder and liability). */
  damagedAt: string | null;
  cause: RepairCause | null;
  diagnosis: string | null;
  /** Warranty end of the device (received + 36 months) and whether the fault was reported before it. */
  warrantyEndOn: string;
  inWarranty: boolean;
  liability: LiableParty | null;
  /** The officer who pays when liability is 'officer'. */
  liableOfficerId: number | null;
  /** Why: the rule's reason, or the admin's written reason after an override. */
  liabilityReason: string | null;
  /** The rule's reason in English (an admin's written reason as written). */
  liabilityReasonEn: string | null;
  liabilityOverridden: boolean;
  quoteFen: number | null;
  /** The final cost; what the liable party pays (nothing when the carrier is liable). */
  costFen: number | null;
  vendor: string | null;
  trackingNote: string | null;
  replacementDeviceId: number | null;
  loanerDeviceId: number | null;
  loanerOutAt: string | null;
  loanerBackAt: string | null;
  closedAt: string | null;
  /** The billing month (YYYY-MM, UTC+8) the charge goes to: the month the ticket was closed. */
  chargePeriod: string | null;
  createdAt: string;
  updatedAt: string;
  /** Free notes of the repair desk. */
  notes: string | null;
  /** Why the ticket was cancelled. */
  cancelReason: string | null;
  /** The SIMs moved from the broken device into the loaner (moved back when the loaner returns). */
  loanerSimIds: number[];
  /** The statuses the flow allows next (empty when closed or cancelled), to offer the right actions. */
  nextStatuses: RepairStatus[];
  /**
   * The second pair of eyes on the charge (issue 12 item 9): null when none is needed; pending (待复核)
   * keeps it off statements until another admin approves it.
   */
  approvalStatus: RepairApprovalStatus | null;
  /** Why it waits: an officer-liable cost above REPAIR_APPROVAL_THRESHOLD_FEN, a liability override. */
  approvalCauses: RepairApprovalCause[];
  /** Who made the change that waits (may not approve it). */
  approvalRequestedByUserId: number | null;
  approvalDecidedByUserId: number | null;
  approvalDecidedAt: string | null;
  /** The approver's note, or the reason for a rejection. */
  approvalReason: string | null;
}

/** POST /repair-tickets/:id/approve and /reject (a rejection needs its reason). */
export interface RepairApprovalRequest {
  reason?: string;
}

/** What a ticket is back as: repaired, replaced by a new phone, or beyond repair. */
export const REPAIR_OUTCOMES = ['returned', 'replaced', 'beyond_repair'] as const;
export type RepairOutcome = (typeof REPAIR_OUTCOMES)[number];

/** POST /repair-tickets. An officer reports for the device they hold, as themselves. */
export interface RepairIntakeRequest {
  deviceId: number;
  /** ISO 8601 with offset; default now; never in the future. */
  reportedAt?: string;
  /** Staff may name the reporting officer; an officer reports as themselves. */
  reportedByOfficerId?: number | null;
  fault: string;
  accessories?: string[];
  condition?: string | null;
  /** When the damage happened, if known (the holder at that moment is liable for damage by people). */
  damagedAt?: string | null;
  notes?: string | null;
}

/** PATCH /repair-tickets/:id: only the fields sent change. */
export interface RepairUpdateRequest {
  fault?: string;
  accessories?: string[];
  condition?: string | null;
  quoteFen?: number | null;
  notes?: string | null;
}

export interface RepairDiagnoseRequest {
  cause: RepairCause;
  diagnosis: string;
  quoteFen?: number | null;
  damagedAt?: string | null;
}

export interface RepairLiabilityOverrideRequest {
  liability: LiableParty;
  /** Required when liability is 'officer'. */
  liableOfficerId?: number | null;
  /** Why the admin changes the liable party (at least 4 characters); audited. */
  reason: string;
}

export interface RepairSendRequest {
  vendor: string;
  trackingNote: string;
}

export interface RepairReturnRequest {
  outcome: RepairOutcome;
  finalCostFen?: number | null;
  /** Required when the outcome is 'replaced': an in-stock device. */
  replacementDeviceId?: number | null;
  note?: string | null;
}

export interface RepairCloseRequest {
  /** Integer fen ≥ 0; may be left out when the ticket already has its cost. */
  finalCostFen?: number;
}

export interface RepairCancelRequest {
  reason: string;
}

export interface RepairLoanerRequest {
  /** An in-stock device handed to the ticket's holder. */
  loanerDeviceId: number;
  /** Move the officer's SIM(s) from the broken device into the loaner (same slot). */
  moveSim: boolean;
}

export interface RepairLoanerReturnRequest {
  /** Move the SIMs back into the repaired device (or its replacement). */
  moveSimBack: boolean;
}

export const REPAIR_SUMMARY_GROUPS = ['cause', 'payer', 'unit', 'month'] as const;
export type RepairSummaryGroup = (typeof REPAIR_SUMMARY_GROUPS)[number];

/** One step of the status flow. */
export interface RepairEventDto {
  id: number;
  ticketId: number;
  fromStatus: RepairStatus | null;
  toStatus: RepairStatus;
  at: string;
  userId: number | null;
  username: string | null;
  note: string | null;
}

export interface RepairPhotoDto {
  id: number;
  ticketId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

/** What the intake page shows the moment an IMEI is scanned. */
export interface RepairIntakeLookupDto {
  deviceId: number;
  imei: string;
  imei2: string | null;
  model: string;
  status: string;
  holderOfficerId: number | null;
  holderName: string | null;
  holderBadgeNo: string | null;
  holderUnitName: string | null;
  sims: { simId: number; slot: number; msisdn: string }[];
  warrantyEndOn: string;
  /** Whether a fault reported today is in warranty. */
  inWarrantyToday: boolean;
  openTicketId: number | null;
}

export interface RepairSummaryRowDto {
  /** cause / payer / unit id / YYYY-MM, as text. */
  key: string;
  label: string;
  tickets: number;
  costFen: number;
  officerFen: number;
  bureauFen: number;
}

export interface RepeatedFaultDto {
  deviceId: number;
  imei: string;
  tickets: number;
  lastReportedAt: string;
  causes: RepairCause[];
}

/** Open repair tickets by how long ago they were reported (`GET /api/dashboard/repairs`). */
export interface OpenRepairsByAgeDto {
  asOf: string;
  /** Buckets of days since reported: [from, to) with `to` null for the last. */
  buckets: { fromDays: number; toDays: number | null; count: number }[];
  byStatus: { status: string; count: number }[];
}
