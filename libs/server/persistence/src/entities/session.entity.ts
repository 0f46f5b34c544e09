import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A login session (ASVS 5.0 §7): the server's record behind the short access tokens and the rotating
 * refresh token. Ending it (logout, password change, an account change by the security administrator,
 * idle or absolute timeout) ends every token of it at once; deleting the user deletes it.
 */
@Entity('sessions')
export class SessionEntity {
  /** Random (UUID v4), carried in the access token as `sid`. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** SHA-256 (hex) of the current refresh token; the token itself is never stored. */
  @Column({ type: 'char', length: 64 })
  refreshHash: string;

  /** The token before the last rotation, accepted for a few seconds (two tabs renewing at once). */
  @Column({ type: 'char', length: 64, nullable: true })
  previousRefreshHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The login or the last renewal: the idle timeout counts from here. */
  @Column({ type: 'timestamptz' })
  renewedAt: Date;

  /** The absolute end, SESSION_MAX_HOURS after the login. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}

/**
 * Failed logins in a row of one username (known or not, so both behave alike) from one client
 * address; the backoff is computed from `failures` and `lastFailedAt`, and a success deletes the row.
 */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  client: string;

  @Column({ type: 'int' })
  failures: number;

  @Index()
  @Column({ type: 'timestamptz' })
  lastFailedAt: Date;
}
