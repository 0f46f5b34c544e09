import { SIM_STATUSES, type SimStatus } from '@fleet/domain/inventory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApnProfileEntity } from './apn-profile.entity';
import { DeviceEntity } from './device.entity';
import { PlanEntity } from './plan.entity';
import { Timestamped } from './timestamps';
import { inList } from './sql';

/** A SIM card (号卡). Its device and slot follow the installation events. */
@Entity('sim_cards')
@Check('sim_cards_status_check', inList('status', SIM_STATUSES))
@Check('sim_cards_slot_check', `"slot" IS NULL OR "slot" IN (1, 2)`)
@Index('sim_cards_msisdn_live_unique', ['msisdn'], { unique: true, where: `"status" <> 'terminated'` })
@Index('sim_cards_search_iccid_trgm', { synchronize: false })
@Index('sim_cards_search_msisdn_trgm', { synchronize: false })
export class SimCardEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  iccid: string;

  @Index()
  @Column({ type: 'char', length: 11 })
  msisdn: string;

  @Column({ type: 'int', nullable: true })
  apnProfileId: number | null;

  @ManyToOne(() => ApnProfileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'apn_profile_id' })
  apnProfile?: ApnProfileEntity;

  @Column({ type: 'int', nullable: true })
  planId: number | null;

  @ManyToOne(() => PlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;

  @Column({ type: 'date', nullable: true })
  activatedOn: string | null;

  @Column({ type: 'date', nullable: true })
  planEndsOn: string | null;

  @Column({ type: 'date', nullable: true })
  realNameRegisteredOn: string | null;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'inactive' })
  status: SimStatus;

  /** The device and slot of the open installation, kept with it in one transaction. */
  @Index()
  @Column({ type: 'int', nullable: true })
  deviceId: number | null;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: DeviceEntity;

  @Column({ type: 'smallint', nullable: true })
  slot: number | null;
}
