import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FileRunColumns, RejectedRowColumns } from './file-run';
import { SimCardEntity } from './sim-card.entity';
import { inList } from './sql';

export const USAGE_FILE_KINDS = ['summary', 'detail'] as const;
export type UsageFileKind = (typeof USAGE_FILE_KINDS)[number];
export const USAGE_IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type UsageImportStatus = (typeof USAGE_IMPORT_STATUSES)[number];

const bigint = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One carrier usage file (usage-files.md): registered when uploaded (its SHA-256 is unique, so the
 * same file twice is recognised), then processed by a job. The detail records it holds live in the
 * partitioned `usage_records` table (created by the migration, loaded with COPY, not an entity).
 */
@Entity('usage_imports')
@Check('usage_imports_kind_check', inList('kind', USAGE_FILE_KINDS))
@Check('usage_imports_status_check', inList('status', USAGE_IMPORT_STATUSES))
export class UsageImportEntity extends FileRunColumns {
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 8 })
  kind: UsageFileKind;

  /** The billing month (YYYY-MM) the file is for; known once its first rows are read. */
  @Index()
  @Column({ type: 'char', length: 7, nullable: true })
  period: string | null;

  @Column({ type: 'bigint', transformer: bigint })
  sizeBytes: number;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: UsageImportStatus;

  @Column({ type: 'int', default: 0 })
  rowsAccepted: number;

  /** Detail records already counted by an earlier import (same key): stored once. */
  @Column({ type: 'int', default: 0 })
  rowsDuplicate: number;
}

/** A usage row the import refused, with row number, column and reason. */
@Entity('usage_import_rejections')
@Index(['importId', 'rowNo'])
export class UsageImportRejectionEntity extends RejectedRowColumns {
  @Column({ type: 'int' })
  importId: number;

  @ManyToOne(() => UsageImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: UsageImportEntity;
}

/**
 * A SIM's totals for a month (domain.md §3.4): from its detail records (deduplicated by key) or from a
 * summary file. Overage and statements read from here, so month close stays fast.
 */
@Entity('monthly_usage')
@Index(['simId', 'period'], { unique: true })
export class MonthlyUsageEntity {
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

  @Column({ type: 'int', default: 0 })
  voiceMin: number;

  @Column({ type: 'int', default: 0 })
  sms: number;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  nationalKb: number;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  apnKb: number;

  /** Where the totals come from: detail records or a monthly summary file. */
  @Column({ type: 'varchar', length: 8 })
  source: UsageFileKind;

  /** The import the totals were last computed from. */
  @Column({ type: 'int', nullable: true })
  importId: number | null;

  /** The carrier's own overage charge from a summary file (运营商超额费用), for the bill check. */
  @Column({ type: 'int', nullable: true })
  carrierOverageFen: number | null;

  /** Usage outside the SIM's plan months (§3.3) is flagged, not billed against the allowance. */
  @Column({ type: 'boolean', default: false })
  outsidePlan: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}
