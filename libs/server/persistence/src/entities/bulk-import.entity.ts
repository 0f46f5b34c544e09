import { FileRunColumns, RejectedRowColumns } from './file-run';
import { inList } from './sql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

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
export class BulkImportEntity extends FileRunColumns {
  @Column({ type: 'varchar', length: 16 })
  kind: BulkImportKind;

  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: BulkImportStatus;

  @Column({ type: 'int', default: 0 })
  rowsCreated: number;

  @Column({ type: 'int', default: 0 })
  rowsUpdated: number;

  @Column({ type: 'int', default: 0 })
  rowsUnchanged: number;
}

/** A row an import refused: its row number in the file, the column at fault and why. */
@Entity('bulk_import_rejections')
@Index(['importId', 'rowNo'])
export class BulkImportRejectionEntity extends RejectedRowColumns {
  @Column({ type: 'int' })
  importId: number;

  @ManyToOne(() => BulkImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: BulkImportEntity;
}
