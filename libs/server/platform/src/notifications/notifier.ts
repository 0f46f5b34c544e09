import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { enqueueNotifyOutbound, QueueAvailability, QueueName } from '@fleet/server/queue';
import type { Role } from '@fleet/shared/contracts';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';

/** What a notification says and opens; who receives it is chosen by the Notifier's methods. */
export interface NotificationDraft {
  kind: string;
  title: { zh: string; en: string };
  link: string | null;
}

/**
 * Makes notifications inside the caller's transaction (they exist exactly when the change does), in one
 * INSERT however many (a month's close notifies every officer with a statement), and, when the outbound
 * channel is configured, enqueues one delivery job per notification. A job that runs before the
 * transaction commits finds no row yet and is retried with its backoff; one whose enqueue failed is
 * enqueued by the worker's reconciler (notifications of the last day not sent).
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'notifyWebhook'>,
    /** Absent in a notifier made without queues (offlineNotifier): nothing goes out. */
    @Optional() @InjectQueue(QueueName.Notify) private readonly queue?: Queue,
    @Optional() private readonly queues?: QueueAvailability,
  ) {}

  /** Notifies the login of each officer (an officer without a login, or a disabled one, gets none). */
  async toOfficers(
    manager: EntityManager,
    notes: readonly { officerId: number | null; draft: NotificationDraft }[],
  ): Promise<number[]> {
    const linked = notes.filter(
      (n): n is { officerId: number; draft: NotificationDraft } => n.officerId !== null,
    );
    if (!linked.length) return [];
    return this.insert(
      manager,
      `JOIN users u ON u.officer_id = d.key AND NOT u.disabled`,
      linked.map((n) => ({ key: n.officerId, draft: n.draft })),
    );
  }

  /** Notifies every enabled login of a role (new alerts: the system administrators). */
  async toRole(manager: EntityManager, role: Role, draft: NotificationDraft): Promise<number[]> {
    const users: { id: number }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND NOT disabled ORDER BY id`,
      [role],
    );
    return this.insert(
      manager,
      `JOIN users u ON u.id = d.key`,
      users.map((u) => ({ key: u.id, draft })),
    );
  }

  private async insert(
    manager: EntityManager,
    join: string,
    rows: readonly { key: number; draft: NotificationDraft }[],
  ): Promise<number[]> {
    if (!rows.length) return [];
    const inserted: { id: number }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, title, link, created_at)
       SELECT u.id, d.kind, d.title, d.link, $5
         FROM unnest($1::int[], $2::varchar[], $3::jsonb[], $4::varchar[]) WITH ORDINALITY d(key, kind, title, link, n)
         ${join}
        ORDER BY d.n
       RETURNING id`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.draft.kind),
        rows.map((r) => JSON.stringify(r.draft.title)),
        rows.map((r) => r.draft.link),
        this.clock.now(),
      ],
    );
    const ids = inserted.map((r) => r.id);
    const { url, backoffMs } = this.config.notifyWebhook;
    const queue = this.queue;
    if (url && queue && this.queues && ids.length) {
      // Redis down must neither undo nor hang the change that notified: after 2 s the worker's
      // reconciler sends what has no job.
      await this.queues.enqueueOrLeave(`${ids.length} outbound notification(s)`, () =>
        enqueueNotifyOutbound(queue, ids, backoffMs),
      );
    }
    return ids;
  }
}

/** A notifier without the outbound channel, for code that builds its services by hand (the demo seed). */
export const offlineNotifier = (clock: Clock): Notifier =>
  new Notifier(clock, { notifyWebhook: { url: '', secret: '', backoffMs: 1 } });
