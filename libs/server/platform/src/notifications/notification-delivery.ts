import { Inject, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OUTBOUND_CHANNEL, type OutboundChannel, type OutboundMessage, WebhookChannel } from './outbound';

/** The worker's side: reads one notification with its recipient and hands it to the outbound channel. */
@Injectable()
export class NotificationDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOUND_CHANNEL) private readonly channel: OutboundChannel,
  ) {}

  async deliver(notificationId: number): Promise<{ sent: boolean }> {
    if (!this.channel.enabled) return { sent: false };
    const [row]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.link, n.created_at, u.id AS user_id, u.username, u.officer_id, o.mobile
         FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN officers o ON o.id = u.officer_id
        WHERE n.id = $1`,
      [notificationId],
    );
    // Not committed yet (the job beat its transaction), or rolled back: the retry tells which.
    if (!row) throw new Error(`notification ${notificationId} not found (yet)`);
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
    return { sent: true };
  }
}

/** What the worker needs to send notifications out. */
@Module({
  providers: [NotificationDelivery, { provide: OUTBOUND_CHANNEL, useClass: WebhookChannel }],
  exports: [NotificationDelivery],
})
export class NotificationJobsModule {}
