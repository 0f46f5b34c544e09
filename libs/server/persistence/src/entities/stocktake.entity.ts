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
import { DeviceEntity } from './device.entity';
import { UnitEntity } from './unit.entity';

/** A count (清点) of the devices a unit should have: expected, found, missing, unexpected. */
@Entity('stocktakes')
@Check('stocktakes_status_check', `"status" IN ('open', 'closed')`)
export class StocktakeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The unit counted (with its sub-units); null counts the whole bureau. */
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: 'open' | 'closed';

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'int', nullable: true })
  startedByUserId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedByUserId: number | null;

  /** The device ids expected when the count started, so later custody changes do not move the goal. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  expectedDeviceIds: number[];

  /** The outcome recorded at close: ids found, missing and unexpected, and IMEIs that match no device. */
  @Column({ type: 'jsonb', nullable: true })
  result: { found: number[]; missing: number[]; unexpected: number[]; unknownImeis: string[] } | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;
}

/** One IMEI scanned or typed during a count; scanning it twice records it once. */
@Entity('stocktake_scans')
@Index(['stocktakeId', 'imei'], { unique: true })
export class StocktakeScanEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  stocktakeId: number;

  @ManyToOne(() => StocktakeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stocktake_id' })
  stocktake?: StocktakeEntity;

  @Column({ type: 'char', length: 15 })
  imei: string;

  @Column({ type: 'int', nullable: true })
  deviceId: number | null;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  scannedAt: Date;

  @Column({ type: 'int', nullable: true })
  scannedByUserId: number | null;
}
