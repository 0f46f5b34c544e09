import type {
  ContractAlertKind,
  InstallmentStatus,
  OutageCause,
  OutageScope,
  SlaCreditReason,
} from '@fleet/domain/contract';

/** Wire shapes of the contract ledger (issue 13): the contract, installments, payments, outages, credits, invoices. */

export interface ContractTermsFields {
  name: string;
  bureau: string;
  carrier: string;
  signedOn: string;
  startsOn: string;
  termMonths: number;
  simCount: number;
  monthlyFeeFen: number;
  installmentFen: number;
  installmentCount: number;
  firstDueOn: string;
  installmentIntervalMonths: number;
  lateRateBp: number;
  lateDailyFen: number;
  terminationDays: number;
  terminationClaimBp: number;
  vatRateBp: number;
  slaDayHours: number;
  slaMonthHours: number;
  changeNoticeDays: number;
  terminationNoticeDays: number;
}

export interface ContractDto extends ContractTermsFields {
  id: number;
  /** SIMs × monthly fee × months. */
  totalFen: number;
  endsOn: string;
  terminationClaimFen: number;
  changeNoticeBy: string;
  terminationNoticeBy: string;
}

export type ContractRequest = ContractTermsFields;

export interface InstallmentDto {
  id: number;
  contractId: number;
  seq: number;
  dueOn: string;
  amountFen: number;
  paidFen: number;
  balanceFen: number;
  /** The day it was fully paid. */
  paidOn: string | null;
  status: InstallmentStatus;
}

export interface PaymentDto {
  id: number;
  installmentId: number;
  paidOn: string;
  amountFen: number;
  reference: string;
  recordedAt: string;
  reversedAt: string | null;
  reversalReason: string | null;
}

export interface PaymentRequest {
  paidOn: string;
  amountFen: number;
  reference: string;
}

export interface PaymentReversalRequest {
  reason: string;
}

export interface ExposureItemDto {
  installmentId: number;
  seq: number;
  dueOn: string;
  balanceFen: number;
  daysOverdue: number;
  clause48Fen: number;
  clause64Fen: number;
  terminationRight: boolean;
}

/** `GET /api/contract/exposure?asOf=` — both late-payment clauses side by side (they disagree). */
export interface ExposureDto {
  contractId: number;
  asOf: string;
  items: ExposureItemDto[];
  clause48Fen: number;
  clause64Fen: number;
  terminationRight: boolean;
  terminationClaimFen: number;
}

export interface OutageDto {
  id: number;
  contractId: number;
  startAt: string;
  endAt: string;
  cause: OutageCause;
  scope: OutageScope;
  simIds: number[];
  note: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface OutageRequest {
  contractId?: number;
  startAt: string;
  endAt: string;
  cause: OutageCause;
  scope: OutageScope;
  simIds?: number[];
  note?: string | null;
}

export interface VoidRequest {
  reason: string;
}

export interface SlaCreditDto {
  /** `<simId>-<day>`: one row per SIM and waived day. */
  id: string;
  simId: number;
  msisdn: string | null;
  day: string;
  amountFen: number;
  reason: SlaCreditReason;
  outageIds: number[];
}

/** `GET /api/periods/:period/bill-check/sla-credits` — the month's SLA credits in the bill check. */
export interface SlaCreditTotalDto {
  period: string;
  totalFen: number;
  days: number;
  sims: number;
}

export interface InvoiceDto {
  id: number;
  contractId: number;
  invoiceNo: string;
  issuedOn: string;
  fromPeriod: string;
  toPeriod: string;
  amountFen: number;
  note: string | null;
  /** amount × 6/106, half up. */
  taxFen: number;
  /** SIMs × fee × months − the SLA credits of those months. */
  expectedFen: number;
  differenceFen: number;
  creditsFen: number;
}

export interface InvoiceRequest {
  contractId?: number;
  invoiceNo: string;
  issuedOn: string;
  fromPeriod: string;
  toPeriod: string;
  amountFen: number;
  note?: string | null;
}

export type { ContractAlertKind, InstallmentStatus, OutageCause, OutageScope, SlaCreditReason };
