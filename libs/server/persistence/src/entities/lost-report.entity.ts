import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeviceEntity } from './device.entity';
import { OfficerEntity } from './officer.entity';
import { Timestamped } from './timestamps';

/**
 * A device reported lost or stolen, with its follow-ups (ask the carrier to suspend the SIM, ask the
 * police device-management system to wipe the work space), each marked done with when and by whom.
 */
@Entity('lost_reports')
@Check('lost_reports_kind_check', `"kind" IN ('lost', 'stolen')`)
export class LostReportEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  deviceId: number;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Column({ type: 'varchar', length: 8 })
  kind: 'lost' | 'stolen';

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'int', nullable: true })
  reportedByOfficerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_officer_id' })
  reportedByOfficer?: OfficerEntity;

  /** 警情/案件编号, when the police opened a case. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  policeCaseNo: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  circumstances: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  simSuspendRequestedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  simSuspendRequestedByUserId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  wipeRequestedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  wipeRequestedByUserId: number | null;

  /** The device turned up again; the report stays as history. */
  @Column({ type: 'timestamptz', nullable: true })
  foundAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
