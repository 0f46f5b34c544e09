import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from './timestamps';

/** A private access point name routing to the police intranet, and its settings. */
@Entity('apn_profiles')
export class ApnProfileEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  apn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;
}
