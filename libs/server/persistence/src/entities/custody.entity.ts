import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DeviceEntity } from './device.entity';
import { OfficerEntity } from './officer.entity';
import { SimCardEntity } from './sim-card.entity';

/**
 * Fields of a custody interval: never deleted or rewritten; a mistake is corrected by voiding the
 * interval with a reason (and recording the right one), so "who held it at T" can always be answered
 * as it was known and as it was corrected.
 */
export abstract class CustodyInterval {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'timestamptz' })
  startAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endAt: Date | null;

  @Column({ type: 'int', nullable: true })
  startedByUserId: number | null;

  @Column({ type: 'int', nullable: true })
  endedByUserId: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @Column({ type: 'int', nullable: true })
  voidedByUserId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/** A device handed to an officer (领用), from startAt until it is returned. */
@Entity('assignments')
@Check('assignments_period_check', '"end_at" IS NULL OR "end_at" > "start_at"')
@Index('assignments_open_per_device', ['deviceId'], {
  unique: true,
  where: '"end_at" IS NULL AND "voided_at" IS NULL',
})
@Exclusion(
  'assignments_device_no_overlap',
  `USING gist ("device_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL)`,
)
export class AssignmentEntity extends CustodyInterval {
  @Index()
  @Column({ type: 'int' })
  deviceId: number;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Index()
  @Column({ type: 'int' })
  officerId: number;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: OfficerEntity;

  /** Condition when handed over (外观、功能). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  condition: string | null;

  /** Accessories handed over with the device (充电器、数据线、保护壳…). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  accessories: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  returnCondition: string | null;

  /** When the officer signed for the device (签收). */
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** An admin allowed this officer to hold more than one device. */
  @Column({ type: 'boolean', default: false })
  allowMultiple: boolean;
}

/** A SIM in a device's slot, from startAt until it is removed (SIM swaps keep their history). */
@Entity('sim_installations')
@Check('sim_installations_period_check', '"end_at" IS NULL OR "end_at" > "start_at"')
@Check('sim_installations_slot_check', '"slot" IN (1, 2)')
@Index('sim_installations_open_per_sim', ['simId'], {
  unique: true,
  where: '"end_at" IS NULL AND "voided_at" IS NULL',
})
@Index('sim_installations_open_per_slot', ['deviceId', 'slot'], {
  unique: true,
  where: '"end_at" IS NULL AND "voided_at" IS NULL',
})
@Exclusion(
  'sim_installations_sim_no_overlap',
  `USING gist ("sim_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL)`,
)
@Exclusion(
  'sim_installations_slot_no_overlap',
  `USING gist ("device_id" WITH =, "slot" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("voided_at" IS NULL)`,
)
export class SimInstallationEntity extends CustodyInterval {
  @Index()
  @Column({ type: 'int' })
  simId: number;

  @ManyToOne(() => SimCardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sim_id' })
  sim?: SimCardEntity;

  @Index()
  @Column({ type: 'int' })
  deviceId: number;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Column({ type: 'smallint' })
  slot: number;
}
