import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One line of a user's notification centre (the bell): something that concerns that login (a statement
 * issued to its officer, a repair ticket that moved, new alerts for admins). Read per user; the outbound
 * channel (webhook) sends each row once when it is configured.
 */
@Entity('notifications')
@Index('notifications_user_id_id', ['userId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The recipient login. */
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** statement_issued, repair_status, alerts_new. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** What the user reads, in both languages, written once when the notification is made. */
  @Column({ type: 'jsonb' })
  title: { zh: string; en: string };

  /** The console route it opens (e.g. /statements/12/show), if any. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  link: string | null;

  /** When it was made, by the product's clock. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When the outbound channel took it (the webhook answered 2xx); null: not sent, or no channel. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
