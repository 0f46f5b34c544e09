import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeviceEntity } from './device.entity';
import { Timestamped } from './timestamps';

/** The per-device checklist when a leased device becomes the bureau's property (clause 4.5). */
@Entity('lease_end_checks')
export class LeaseEndCheckEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  deviceId: number;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Column({ type: 'varchar', length: 500, nullable: true })
  condition: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  workspaceWipedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAsAssetAt: Date | null;

  /** The bureau's fixed-asset number (固定资产编号). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  assetNo: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  transferredAt: Date | null;

  @Column({ type: 'int', nullable: true })
  transferredByUserId: number | null;
}
