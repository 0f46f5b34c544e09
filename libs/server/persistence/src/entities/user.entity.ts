import { ROLES, type Role } from '@fleet/shared/contracts';
import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OfficerEntity } from './officer.entity';
import { Timestamped } from './timestamps';
import { inList } from './sql';

/** A login. An officer's login is linked to the officer record whose data it may see. */
@Entity('users')
@Check('users_role_check', inList('role', ROLES))
@Check('users_officer_link_check', `("role" = 'officer') = ("officer_id" IS NOT NULL)`)
export class UserEntity extends Timestamped {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'int', nullable: true })
  officerId: number | null;

  @OneToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: OfficerEntity;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Set when someone other than the user chose the password (creation, reset, bootstrap). */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
