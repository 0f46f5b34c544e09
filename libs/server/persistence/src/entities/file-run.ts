import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every uploaded file processed by a job records: where it is kept, how far the job got, the
 * rows it refused, and why the whole file failed if it did. Bulk roster imports and carrier usage
 * imports add their own kinds, statuses and counters.
 */
export abstract class FileRunColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** csv or xlsx. */
  @Column({ type: 'varchar', length: 8 })
  format: string;

  /** utf-8 or gb18030 for CSV; null for XLSX. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding: string | null;

  /** Where the uploaded file is kept, relative to DATA_DIR. */
  @Column({ type: 'varchar', length: 500 })
  storedPath: string;

  @Column({ type: 'int', default: 0 })
  rowsTotal: number;

  @Column({ type: 'int', default: 0 })
  rowsDone: number;

  @Column({ type: 'int', default: 0 })
  rowsRejected: number;

  /** Why the whole file failed (not a file of this kind, unreadable), in both languages. */
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

  /**
   * The run that holds the file: one worker at a time processes it, and its writes commit only while
   * it still holds the lease (see FileRunLease), so a stalled job picked up elsewhere cannot write twice.
   */
  @Column({ type: 'uuid', nullable: true })
  leaseToken: string | null;

  /** Until when the lease holds unless renewed (database time). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;
}

/** A row a file run refused: its row number in the file, the column at fault and why. */
export abstract class RejectedRowColumns {
  @PrimaryGeneratedColumn()
  id: number;

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
