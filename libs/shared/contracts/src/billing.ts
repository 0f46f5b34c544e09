import type { AllowanceUse, Category, Payer, UsageKind } from '@fleet/domain/billing';

// Wire shapes of usage imports, billing periods, statements, overages and the usage views (issue 4).

export type UsageImportStatusValue = 'queued' | 'running' | 'succeeded' | 'failed';

/** The wire shape of a usage import, with its progress. */
export interface UsageImportDto {
  id: number;
  fileName: string;
  sha256: string;
  kind: UsageKind;
  format: string;
  encoding: string | null;
  period: string | null;
  sizeBytes: number;
  status: UsageImportStatusValue;
  rowsTotal: number;
  rowsDone: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsDuplicate: number;
  /** Rows processed per second since the job started (until it finished). */
  rowsPerSecond: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface PeriodDto {
  /** react-admin's key; `GET /api/periods/<id>` answers as `GET /api/periods/<YYYY-MM>` does. */
  id: number;
  period: string;
  status: 'open' | 'closed';
  version: number;
  closedAt: string | null;
  /** Totals of the statements in force (latest version of each). */
  officerTotalFen: number;
  bureauTotalFen: number;
  statements: number;
}

export interface CloseResultDto extends PeriodDto {
  issued: { statementId: number; officerId: number | null; version: number; totalFen: number }[];
  outOfPlanSimIds: number[];
}

export interface BillCheckDto {
  simId: number;
  msisdn: string;
  carrierFen: number;
  ourFen: number;
  differenceFen: number;
}

export interface StatementDto {
  id: number;
  officerId: number | null;
  period: string;
  version: number;
  status: string;
  totalFen: number;
  previousTotalFen: number | null;
  supersedesId: number | null;
  issuedAt: string;
  acknowledgedAt: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
}

/** A line of a statement: one SIM and category ('repair' for a repair charge), in the category's unit. */
export interface StatementLineDto {
  id: number;
  simId: number | null;
  msisdn: string | null;
  category: string;
  used: number;
  allowance: number;
  excess: number;
  amountFen: number;
  payer: Payer;
  /** How the share was found: the officer's usage, days held, or the whole charge. */
  basis: Record<string, string | number | null>;
  /** The repair ticket a 'repair' line charges; null for usage lines. */
  repairTicketId: number | null;
}

export type StatementWithLinesDto = StatementDto & { lines: StatementLineDto[] };

export interface OverageDto {
  id: number;
  simId: number;
  period: string;
  /** The close (period version) that computed it. */
  version: number;
  category: string;
  used: number;
  allowance: number;
  excess: number;
  chargedUnits: number;
  amountFen: number;
  payer: string;
}

/** An officer's own month: each SIM in the device(s) they hold now, per category against allowance. */
export interface MyUsageDto {
  period: string;
  sims: {
    simId: number;
    msisdn: string;
    deviceId: number;
    slot: number | null;
    /** False when the plan does not cover the month (usage then is not billed as overage). */
    inPlan: boolean;
    categories: AllowanceUse[];
  }[];
}

/** An officer's own usage, month by month: the SIMs in the device(s) they hold now, summed per month. */
export interface MyUsageHistoryDto {
  /** The last month of the range (YYYY-MM). */
  period: string;
  /** The 12 months ending with `period`, oldest first; zeros where nothing was used. */
  months: { period: string; voiceMin: number; sms: number; nationalKb: number; apnKb: number }[];
}

/** Where a month's overage figures come from: its latest close, computed now from usage, or none. */
export type OverageSource = 'closed' | 'computed' | null;

export interface UsageDashboardDto {
  period: string;
  closed: boolean;
  sims: { inPlan: number; withUsage: number; outOfPlan: number };
  /** The fleet's usage against the summed allowance of the SIMs in plan. */
  categories: {
    category: Category;
    used: number;
    allowance: number;
    remaining: number;
    /** SIMs whose own use exceeds their own allowance in the category. */
    simsOver: number;
  }[];
  top: { simId: number; msisdn: string; amountFen: number }[];
  topSource: OverageSource;
  /** The 12 months ending with `period`; null where a month is not closed and has no usage (or no rules). */
  trend: { period: string; overageFen: number | null; source: OverageSource }[];
}

/** What closing a month would do now (`GET /api/periods/<YYYY-MM>/close-preview`), nothing written. */
export interface ClosePreviewDto {
  period: string;
  /** null: the month has no record yet (never closed). */
  status: 'open' | 'closed' | null;
  /** The version the close would make. */
  version: number;
  /** Statements the close would issue (new, or amending one whose lines changed). */
  statements: number;
  /** Of those, the ones that supersede an earlier statement. */
  amended: number;
  /** Statements in force that the close would leave as they are. */
  unchanged: number;
  /** Officers with a statement in force after the close. */
  officers: number;
  /** Totals of the statements in force after the close, by who pays: officers' and the bureau's. */
  officerTotalFen: number;
  bureauTotalFen: number;
  /** SIMs billed in plan for the month, SIMs charged overage, SIMs with usage outside the plan. */
  simsInPlan: number;
  simsOver: number;
  outOfPlanSims: number;
}

/** Months that have usage or a billing record, newest first (`GET /api/dashboard/months`). */
export interface DataMonthsDto {
  months: string[];
}
