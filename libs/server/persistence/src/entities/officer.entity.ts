import { OFFICER_STATUSES, type OfficerStatus } from '@fleet/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from './timestamps';
import { UnitEntity } from './unit.entity';
import { inList } from './sql';

/** A police officer (警员), who may hold a device and receive overage statements. */
@Entity('officers')
@Check('officers_status_check', inList('status', OFFICER_STATUSES))
@Index('officers_search_name_trgm', { synchronize: false })
@Index('officers_search_badge_no_trgm', { synchronize: false })
@Index('officers_search_mobile_trgm', { synchronize: false })
export class OfficerEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  badgeNo: string;

  @Index()
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Index()
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 11, nullable: true })
  mobile: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: OfficerStatus;
}
