import type { AuditAction } from '@fleet/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per change or login. Written in the same transaction as the change; a trigger in the
 * migration refuses UPDATE and DELETE, so no code path can rewrite history. No foreign key to users,
 * because deleting a user must not touch its audit rows. Each row carries the hash of the row before it
 * (`prevHash`, unique, so the chain cannot fork) and its own (`hash`, SHA-256 over its fields and
 * `prevHash`, see @fleet/domain/audit); the AuditService appends under an advisory lock.
 */
@Entity('audit_log')
@Index(['resource', 'resourceId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Index()
  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 64 })
  resource: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resourceId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
