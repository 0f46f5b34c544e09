import {
  DEVICE_OWNERSHIPS,
  DEVICE_STATUSES,
  type DeviceOwnership,
  type DeviceStatus,
} from '@fleet/domain/inventory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OfficerEntity } from './officer.entity';
import { Timestamped } from './timestamps';
import { UnitEntity } from './unit.entity';
import { inList } from './sql';

/**
 * A leased phone (警务通终端). Status and current holder follow the custody events; the warranty end is
 * derived from the date received and stored so alerts and lists can filter on it.
 */
@Entity('devices')
@Check('devices_status_check', inList('status', DEVICE_STATUSES))
@Check('devices_ownership_check', inList('ownership', DEVICE_OWNERSHIPS))
@Check('devices_imeis_differ_check', `"imei2" IS NULL OR "imei2" <> "imei1"`)
@Index('devices_search_imei1_trgm', { synchronize: false })
@Index('devices_search_imei2_trgm', { synchronize: false })
@Index('devices_search_serial_number_trgm', { synchronize: false })
@Index('devices_search_model_trgm', { synchronize: false })
export class DeviceEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  model: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 15 })
  imei1: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 15, nullable: true })
  imei2: string | null;

  @Index({ unique: true, where: '"serial_number" IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  serialNumber: string | null;

  @Column({ type: 'boolean', default: true })
  dualSystem: boolean;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'date', nullable: true })
  leaseStartOn: string | null;

  @Column({ type: 'date', nullable: true })
  leaseEndOn: string | null;

  @Index()
  @Column({ type: 'date' })
  warrantyEndOn: string;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'in_stock' })
  status: DeviceStatus;

  @Column({ type: 'varchar', length: 16, default: 'leased' })
  ownership: DeviceOwnership;

  /** The officer of the open assignment, kept with it in one transaction; null when nobody holds it. */
  @Index()
  @Column({ type: 'int', nullable: true })
  currentOfficerId: number | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'current_officer_id' })
  currentOfficer?: OfficerEntity;

  /** The unit that keeps the device while nobody holds it (stock location, stocktakes). */
  @Index()
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;
}
