import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';

/** What leaves the system for one notification: the bureau's gateway turns it into an SMS or a message. */
export interface OutboundMessage {
  id: number;
  kind: string;
  title: { zh: string; en: string };
  link: string | null;
  createdAt: string;
  recipient: { userId: number; username: string; officerId: number | null; mobile: string | null };
}

/** A way out for notifications; a failure throws, and the job retries it. */
export interface OutboundChannel {
  readonly enabled: boolean;
  send(message: OutboundMessage): Promise<void>;
}

export const OUTBOUND_CHANNEL = Symbol('OUTBOUND_CHANNEL');

/** The header a receiver checks: `sha256=` and the hex HMAC-SHA256 of the exact body with the shared secret. */
export const SIGNATURE_HEADER = 'X-Fleet-Signature';

export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Longest a gateway may take to answer one POST. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** POSTs each message as JSON to NOTIFY_WEBHOOK_URL, signed with NOTIFY_WEBHOOK_SECRET; any non-2xx fails. */
@Injectable()
export class WebhookChannel implements OutboundChannel {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.notifyWebhook.url;
  }

  async send(message: OutboundMessage): Promise<void> {
    const { url, secret } = this.config.notifyWebhook;
    const body = JSON.stringify(message);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: webhookSignature(secret, body) },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
