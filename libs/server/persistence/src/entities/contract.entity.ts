import { OUTAGE_CAUSES, OUTAGE_SCOPES, type OutageCause, type OutageScope } from '@fleet/domain/contract';
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
import { inList } from './sql';
import { Timestamped } from './timestamps';

/**
 * A carrier service contract (合同) as data (domain.md §1): its parties, term, fees, schedule, the two
 * late-payment clauses, VAT and notice periods. The rules read these columns; none is in code. A renewal
 * or a second contract is another row; installments, outages and invoices belong to one.
 */
@Entity('contracts')
@Check(
  'contracts_figures_check',
  '"term_months" > 0 AND "sim_count" > 0 AND "monthly_fee_fen" >= 0 AND "installment_fen" >= 0 AND "installment_count" > 0 AND "installment_interval_months" > 0 AND "late_rate_bp" >= 0 AND "late_daily_fen" >= 0 AND "termination_days" > 0 AND "termination_claim_bp" >= 0 AND "vat_rate_bp" >= 0 AND "sla_day_hours" > 0 AND "sla_month_hours" > 0 AND "change_notice_days" >= 0 AND "termination_notice_days" >= 0',
)
export class ContractEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  /** 合同编号 or a short name. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 甲方. */
  @Column({ type: 'varchar', length: 200 })
  bureau: string;

  /** 乙方. */
  @Column({ type: 'varchar', length: 200 })
  carrier: string;

  @Column({ type: 'date' })
  signedOn: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'int' })
  termMonths: number;

  @Column({ type: 'int' })
  simCount: number;

  @Column({ type: 'int' })
  monthlyFeeFen: number;

  @Column({ type: 'int' })
  installmentFen: number;

  @Column({ type: 'int' })
  installmentCount: number;

  @Column({ type: 'date' })
  firstDueOn: string;

  @Column({ type: 'int' })
  installmentIntervalMonths: number;

  /** Clause 4.8, basis points of the overdue balance per day (0.3 % = 30). */
  @Column({ type: 'int' })
  lateRateBp: number;

  /** Clause 6.4, fen per day overdue. */
  @Column({ type: 'int' })
  lateDailyFen: number;

  @Column({ type: 'int' })
  terminationDays: number;

  @Column({ type: 'int' })
  terminationClaimBp: number;

  @Column({ type: 'int' })
  vatRateBp: number;

  @Column({ type: 'int' })
  slaDayHours: number;

  @Column({ type: 'int' })
  slaMonthHours: number;

  @Column({ type: 'int' })
  changeNoticeDays: number;

  @Column({ type: 'int' })
  terminationNoticeDays: number;
}

/** One installment of a contract's schedule (付款期); what is paid follows from its payments. */
@Entity('installments')
@Index(['contractId', 'seq'], { unique: true })
@Check('installments_amount_check', '"amount_fen" > 0 AND "seq" > 0')
export class InstallmentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  contractId: number;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id' })
  contract?: ContractEntity;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'int' })
  amountFen: number;
}

/**
 * A payment towards an installment: never edited or deleted; a mistake is reversed by an admin with a
 * written reason, and a reversed payment no longer counts.
 */
@Entity('installment_payments')
@Check('installment_payments_amount_check', '"amount_fen" > 0')
@Check('installment_payments_reversal_check', '("reversed_at" IS NULL) = ("reversal_reason" IS NULL)')
export class InstallmentPaymentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  installmentId: number;

  @ManyToOne(() => InstallmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'installment_id' })
  installment?: InstallmentEntity;

  /** The day the payment counts for (China Standard Time). */
  @Column({ type: 'date' })
  paidOn: string;

  @Column({ type: 'int' })
  amountFen: number;

  /** Bank slip or voucher number. */
  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ type: 'int', nullable: true })
  recordedByUserId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  reversedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reversalReason: string | null;

  @Column({ type: 'int', nullable: true })
  reversedByUserId: number | null;
}

/**
 * A network outage (中断) with its cause and the SIMs it affected (all, or a list). Voided with a reason,
 * never deleted; a voided outage waives nothing.
 */
@Entity('outages')
@Check('outages_period_check', '"end_at" > "start_at"')
@Check('outages_cause_check', inList('cause', OUTAGE_CAUSES))
@Check('outages_scope_check', inList('scope', OUTAGE_SCOPES))
@Check('outages_void_check', '("voided_at" IS NULL) = ("void_reason" IS NULL)')
export class OutageEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  contractId: number;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id' })
  contract?: ContractEntity;

  @Index()
  @Column({ type: 'timestamptz' })
  startAt: Date;

  @Column({ type: 'timestamptz' })
  endAt: Date;

  @Column({ type: 'varchar', length: 16 })
  cause: OutageCause;

  @Column({ type: 'varchar', length: 8 })
  scope: OutageScope;

  /** The SIMs affected when the scope is `sims`; empty for `all`. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  simIds: number[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @Column({ type: 'int', nullable: true })
  voidedByUserId: number | null;
}

/** A carrier's VAT invoice (增值税普通发票) for a period of service (clauses 4.4, 4.9). */
@Entity('invoices')
@Index(['contractId', 'invoiceNo'], { unique: true })
@Check('invoices_amount_check', '"amount_fen" >= 0')
@Check('invoices_period_check', '"to_period" >= "from_period"')
export class InvoiceEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  contractId: number;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id' })
  contract?: ContractEntity;

  /** 发票号码. */
  @Column({ type: 'varchar', length: 40 })
  invoiceNo: string;

  @Column({ type: 'date' })
  issuedOn: string;

  /** First month covered, YYYY-MM. */
  @Column({ type: 'char', length: 7 })
  fromPeriod: string;

  /** Last month covered, YYYY-MM. */
  @Column({ type: 'char', length: 7 })
  toPeriod: string;

  /** Amount including tax, fen. */
  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
