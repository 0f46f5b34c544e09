import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { SessionEntity, UserEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { runPrepared } from '../list/prepared-query';

/** Two tabs renewing at the same moment both present the old token: the second is let through this long. */
const ROTATION_GRACE_MS = 10_000;

export type SessionEndReason =
  | 'logout'
  | 'password_change'
  | 'account_change'
  | 'revoked_by_secadmin'
  | 'refresh_reuse'
  | 'idle'
  | 'expired';

export interface IssuedSession {
  sessionId: string;
  refreshToken: string;
  user: UserEntity;
}

/** The account behind a live session, as the access guard needs it. */
export interface LiveSession {
  userId: number;
  username: string;
  role: Role;
  officerId: number | null;
  mustChangePassword: boolean;
}

/**
 * The guard's check, written out once: building it with the query builder at every request cost more
 * CPU than running it. A session is live until revoked or expired, and only while its account is enabled.
 * Run as a named prepared statement (parsed once a connection): it still reads the database at every
 * request, so ending a session or changing its account takes effect at once.
 */
const LIVE_SESSION = `
  SELECT u.id AS "userId", u.username, u.role, u.officer_id AS "officerId",
         u.must_change_password AS "mustChangePassword"
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND NOT u.disabled`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sameHash(a: string, b: string | null): boolean {
  return b !== null && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Server-side sessions: the refresh token is `<session id>.<random>`, stored only as its hash and
 * replaced at every renewal; ending a session (or the account's change) ends its access tokens too,
 * because the access guard looks the session up on every request.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(manager: EntityManager, user: UserEntity, ip: string | null, now: Date): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.insert(SessionEntity, {
      id: sessionId,
      userId: user.id,
      refreshHash: sha256(secret),
      previousRefreshHash: null,
      renewedAt: now,
      expiresAt: new Date(now.getTime() + this.config.session.maxHours * 3_600_000),
      revokedAt: null,
      revokedReason: null,
      ip,
    });
    return { sessionId, refreshToken: `${sessionId}.${secret}`, user };
  }

  /**
   * Renews a session from its refresh token: a new token replaces the old. A token already replaced
   * (outside the grace of a few seconds) means it was copied: the session ends.
   */
  async renew(
    refreshToken: string,
    now: Date,
  ): Promise<{ ok: true; issued: IssuedSession } | { ok: false; userId: number | null; reason: string }> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId))
      return { ok: false, userId: null, reason: 'malformed' };
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) return { ok: false, userId: null, reason: 'unknown session' } as const;
      const fail = (reason: string) => ({ ok: false, userId: session.userId, reason }) as const;
      if (session.revokedAt) return fail(`ended (${session.revokedReason})`);
      const presented = sha256(secret);
      const current = sameHash(presented, session.refreshHash);
      const graced =
        !current &&
        sameHash(presented, session.previousRefreshHash) &&
        now.getTime() - session.renewedAt.getTime() < ROTATION_GRACE_MS;
      if (!current && !graced) {
        await this.end(manager, { id: session.id }, 'refresh_reuse', now);
        return fail('refresh token reused');
      }
      if (session.expiresAt <= now) {
        await this.end(manager, { id: session.id }, 'expired', now);
        return fail('expired');
      }
      if (now.getTime() - session.renewedAt.getTime() > this.config.session.idleMinutes * 60_000) {
        await this.end(manager, { id: session.id }, 'idle', now);
        return fail('idle');
      }
      const user = await manager.findOneBy(UserEntity, { id: session.userId });
      if (!user || user.disabled) {
        await this.end(manager, { id: session.id }, 'account_change', now);
        return fail('account disabled');
      }
      const next = randomBytes(32).toString('base64url');
      await manager.update(SessionEntity, session.id, {
        refreshHash: sha256(next),
        previousRefreshHash: current ? session.refreshHash : session.previousRefreshHash,
        renewedAt: now,
      });
      return { ok: true, issued: { sessionId, refreshToken: `${sessionId}.${next}`, user } } as const;
    });
  }

  /** The account of a session still running, or null: the guard's check on every request. */
  async live(sessionId: string, userId: number, now: Date): Promise<LiveSession | null> {
    const rows = await runPrepared<LiveSession>(this.dataSource, 'session_live', LIVE_SESSION, [
      sessionId,
      userId,
      now,
    ]);
    return rows[0] ?? null;
  }

  /** Ends sessions (one, or all of a user but perhaps one); returns how many were running. */
  async end(
    manager: EntityManager,
    which: { id: string } | { userId: number; exceptId?: string },
    reason: SessionEndReason,
    now: Date,
  ): Promise<number> {
    const where =
      'id' in which
        ? { id: which.id, revokedAt: IsNull() }
        : {
            userId: which.userId,
            revokedAt: IsNull(),
            ...(which.exceptId ? { id: Not(which.exceptId) } : {}),
          };
    const result = await manager.update(SessionEntity, where, { revokedAt: now, revokedReason: reason });
    return result.affected ?? 0;
  }
}
