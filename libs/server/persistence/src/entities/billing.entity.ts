import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OfficerEntity } from './officer.entity';
import { RepairTicketEntity } from './repair.entity';
import { SimCardEntity } from './sim-card.entity';
import { inList } from './sql';

export const OVERAGE_CATEGORIES = ['voice', 'sms', 'national', 'apn'] as const;
export type OverageCategory = (typeof OVERAGE_CATEGORIES)[number];
export const PAYERS = ['officer', 'bureau'] as const;
export type PayerKind = (typeof PAYERS)[number];
export const STATEMENT_STATUSES = ['issued', 'acknowledged', 'disputed', 'superseded'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * The tariff and payer policy (domain.md §3.5), versioned by the month from which they apply. A new
 * version never changes an issued statement: each statement line records the prices it used.
 */
@Entity('billing_rules')
@Check(
  'billing_rules_payers_check',
  `${inList('voice_payer', PAYERS)} AND ${inList('sms_payer', PAYERS)} AND ${inList('national_payer', PAYERS)} AND ${inList('apn_payer', PAYERS)}`,
)
@Check(
  'billing_rules_prices_check',
  '"voice_fen_per_min" >= 0 AND "sms_fen_per_message" >= 0 AND "national_fen_per_started_gb" >= 0 AND "apn_fen_per_started_gb" >= 0',
)
export class BillingRulesEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** YYYY-MM: the first month these rules apply to. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 7 })
  effectiveFrom: string;

  @Column({ type: 'int' })
  voiceFenPerMin: number;

  @Column({ type: 'int' })
  smsFenPerMessage: number;

  @Column({ type: 'int' })
  nationalFenPerStartedGb: number;

  @Column({ type: 'int' })
  apnFenPerStartedGb: number;

  @Column({ type: 'varchar', length: 8 })
  voicePayer: PayerKind;

  @Column({ type: 'varchar', length: 8 })
  smsPayer: PayerKind;

  @Column({ type: 'varchar', length: 8 })
  nationalPayer: PayerKind;

  @Column({ type: 'varchar', length: 8 })
  apnPayer: PayerKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A billing month and whether it has been closed (statements issued), and how often. */
@Entity('billing_periods')
@Check('billing_periods_status_check', `"status" IN ('open', 'closed')`)
export class BillingPeriodEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: 'open' | 'closed';

  /** 0 before the first close; each close or amendment run adds one. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedByUserId: number | null;
}

/** A SIM's overage in one category for a month, as computed by a close (version of the period). */
@Entity('overages')
@Index(['simId', 'period', 'category', 'version'], { unique: true })
@Check('overages_category_check', inList('category', OVERAGE_CATEGORIES))
@Check('overages_payer_check', inList('payer', PAYERS))
export class OverageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  simId: number;

  @ManyToOne(() => SimCardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sim_id' })
  sim?: SimCardEntity;

  @Index()
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8 })
  category: OverageCategory;

  /** In the category's unit: minutes, messages or KB. */
  @Column({ type: 'bigint', transformer: bigint })
  used: number;

  @Column({ type: 'bigint', transformer: bigint })
  allowance: number;

  @Column({ type: 'bigint', transformer: bigint })
  excess: number;

  /** Minutes, messages or started GB. */
  @Column({ type: 'int' })
  chargedUnits: number;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 8 })
  payer: PayerKind;
}

/**
 * An overage statement (超额费用通知单): one per officer and month, plus the bureau's own (officer
 * null). Issued at close and never changed in place: a later correction issues version + 1 and marks
 * the earlier one superseded, keeping both.
 */
@Entity('statements')
@Index(['officerId', 'period', 'version'], { unique: true })
@Check('statements_status_check', inList('status', STATEMENT_STATUSES))
export class StatementEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Null for the bureau's own summary. */
  @Index()
  @Column({ type: 'int', nullable: true })
  officerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: OfficerEntity;

  @Index()
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16, default: 'issued' })
  status: StatementStatus;

  @Column({ type: 'int' })
  totalFen: number;

  /** The total of the version this one amends, to show the difference. */
  @Column({ type: 'int', nullable: true })
  previousTotalFen: number | null;

  @Column({ type: 'int', nullable: true })
  supersedesId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disputedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  disputeReason: string | null;
}

/** A line of a statement: one SIM and category, with the figures and prices it was computed from. */
@Entity('statement_lines')
@Check('statement_lines_category_check', inList('category', [...OVERAGE_CATEGORIES, 'repair']))
@Check('statement_lines_repair_check', `("category" = 'repair') = ("repair_ticket_id" IS NOT NULL)`)
export class StatementLineEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  statementId: number;

  @ManyToOne(() => StatementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statement_id' })
  statement?: StatementEntity;

  @Column({ type: 'int', nullable: true })
  simId: number | null;

  /** A usage category, or 'repair' for a repair charge (issue 5). */
  @Column({ type: 'varchar', length: 8 })
  category: string;

  @Column({ type: 'bigint', transformer: bigint })
  used: number;

  @Column({ type: 'bigint', transformer: bigint })
  allowance: number;

  @Column({ type: 'bigint', transformer: bigint })
  excess: number;

  /** This statement's share of the SIM's charge in the category. */
  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 8 })
  payer: PayerKind;

  /** How the share was found: the officer's usage, days held, or the whole charge. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  basis: Record<string, string | number | null>;

  /** The repair ticket a 'repair' line charges (issue 5); null for usage lines. */
  @Index()
  @Column({ type: 'int', nullable: true })
  repairTicketId: number | null;

  @ManyToOne(() => RepairTicketEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repair_ticket_id' })
  repairTicket?: RepairTicketEntity;
}
