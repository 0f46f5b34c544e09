import { inList } from './sql';
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

export const BULK_IMPORT_KINDS = ['devices', 'sim_cards', 'officers', 'units'] as const;
export type BulkImportKind = (typeof BULK_IMPORT_KINDS)[number];
export const BULK_IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type BulkImportStatus = (typeof BULK_IMPORT_STATUSES)[number];

/**
 * One uploaded roster or delivery list (devices, SIM cards, officers, units), processed by a job. The
 * row counts and every rejected row with its reason are kept here; the database, not Redis, is the
 * record of what an import did.
 */
@Entity('bulk_imports')
@Check('bulk_imports_kind_check', inList('kind', BULK_IMPORT_KINDS))
@Check('bulk_imports_status_check', inList('status', BULK_IMPORT_STATUSES))
export class BulkImportEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: BulkImportKind;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** csv or xlsx. */
  @Column({ type: 'varchar', length: 8 })
  format: string;

  /** utf-8 or gb18030 for CSV; null for XLSX. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding: string | null;

  /** Where the uploaded file is kept, relative to DATA_DIR. */
  @Column({ type: 'varchar', length: 500 })
  storedPath: string;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: BulkImportStatus;

  @Column({ type: 'int', default: 0 })
  rowsTotal: number;

  @Column({ type: 'int', default: 0 })
  rowsDone: number;

  @Column({ type: 'int', default: 0 })
  rowsCreated: number;

  @Column({ type: 'int', default: 0 })
  rowsUpdated: number;

  @Column({ type: 'int', default: 0 })
  rowsUnchanged: number;

  @Column({ type: 'int', default: 0 })
  rowsRejected: number;

  /** Why the whole file failed (not a roster of this kind, unreadable), in both languages. */
  @Column({ type: 'jsonb', nullable: true })
  error: { zh: string; en: string } | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** A row an import refused: its row number in the file, the column at fault and why. */
@Entity('bulk_import_rejections')
@Index(['importId', 'rowNo'])
export class BulkImportRejectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  importId: number;

  @ManyToOne(() => BulkImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: BulkImportEntity;

  @Column({ type: 'int' })
  rowNo: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  column: string | null;

  @Column({ type: 'varchar', length: 500 })
  reasonZh: string;

  @Column({ type: 'varchar', length: 500 })
  reasonEn: string;

  /** The row as it was in the file, header → cell, for the rejected-rows CSV. */
  @Column({ type: 'jsonb' })
  raw: Record<string, string>;
}
