import { Inject, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@fleet/server/config';
import type { DataSource } from 'typeorm';
import { OUTBOUND_CHANNEL, type OutboundChannel, type OutboundMessage, WebhookChannel } from './outbound';

/** How long an unsent notification is still worth sending: the reconciler gives up on older ones. */
export const NOTIFY_RESEND_WITHIN_MS = 24 * 3600 * 1000;
/** Unsent notifications the reconciler enqueues again in one pass, oldest first. */
const RESEND_PER_PASS = 1_000;

/**
 * The worker's side: reads one notification with its recipient, hands it to the outbound channel and
 * marks it sent; and finds the ones whose job was lost (Redis down during the change, a worker gone).
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOUND_CHANNEL) private readonly channel: OutboundChannel,
    private readonly clock: Clock,
  ) {}

  /** Notifications of the last day not sent yet (none when no channel is configured). */
  async unsent(): Promise<number[]> {
    if (!this.channel.enabled) return [];
    const since = new Date(this.clock.now().getTime() - NOTIFY_RESEND_WITHIN_MS);
    const rows: { id: number }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE sent_at IS NULL AND created_at >= $1 ORDER BY id LIMIT $2`,
      [since, RESEND_PER_PASS],
    );
    return rows.map((r) => r.id);
  }

  async deliver(notificationId: number): Promise<{ sent: boolean }> {
    if (!this.channel.enabled) return { sent: false };
    const [row]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.link, n.created_at, u.id AS user_id, u.username, u.officer_id, o.mobile
         FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN officers o ON o.id = u.officer_id
        WHERE n.id = $1 AND n.sent_at IS NULL`,
      [notificationId],
    );
    if (!row) {
      // Sent already (a job enqueued twice), or not committed yet (the job beat its transaction) or
      // rolled back: the retry tells which.
      const sent = await this.dataSource.query<unknown[]>(`SELECT 1 FROM notifications WHERE id = $1`, [
        notificationId,
      ]);
      if (sent.length) return { sent: false };
      throw new Error(`notification ${notificationId} not found (yet)`);
    }
    const message: OutboundMessage = {
      id: row.id as number,
      kind: row.kind as string,
      title: row.title as OutboundMessage['title'],
      link: row.link as string | null,
      createdAt: (row.created_at as Date).toISOString(),
      recipient: {
        userId: row.user_id as number,
        username: row.username as string,
        officerId: row.officer_id as number | null,
        mobile: (row.mobile as string | null)?.trim() ?? null,
      },
    };
    await this.channel.send(message);
    await this.dataSource.query(`UPDATE notifications SET sent_at = $2 WHERE id = $1`, [
      notificationId,
      this.clock.now(),
    ]);
    return { sent: true };
  }
}

/** What the worker needs to send notifications out. */
@Module({
  providers: [NotificationDelivery, { provide: OUTBOUND_CHANNEL, useClass: WebhookChannel }],
  exports: [NotificationDelivery],
})
export class NotificationJobsModule {}
