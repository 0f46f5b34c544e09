import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, Role, UserDto } from '@fleet/shared/contracts';
import { loginBackoffSeconds, passwordProblems, PASSWORD_PROBLEM_TEXT } from '@fleet/domain/accounts';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { LoginFailureEntity, UserEntity } from '@fleet/server/persistence';
import { type DataSource, type EntityManager, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import type { Actor } from './access.decorators';
import { hashPassword, verifyPassword } from './password';
import { type IssuedSession, SessionService } from './session.service';

export interface AccessTokenClaims {
  sub: string;
  /** The session the token belongs to: ending the session ends the token. */
  sid: string;
  username: string;
  role: Role;
  officerId: number | null;
  exp?: number;
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    officerId: user.officerId,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
  };
}

/** A login's or renewal's answer with the refresh token, which the controller puts in the cookie. */
export interface SessionGrant {
  response: LoginResponse;
  refreshToken: string;
}

// One answer for a wrong password, an unknown name and a disabled account (ASVS 5.0 §6.3.8).
const BAD_CREDENTIALS = { zh: '用户名或密码错误', en: 'Wrong username or password' };
const SESSION_ENDED = { zh: '登录已过期，请重新登录', en: 'Your session has expired: please log in again' };
const WRONG_CURRENT = { zh: '当前密码不正确', en: 'The current password is wrong' };
const SAME_PASSWORD = {
  zh: '新密码不能与当前密码相同',
  en: 'The new password must differ from the current one',
};

const DAY_MS = 24 * 3_600_000;

/** A hash to verify against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | null = null;

/** The password's problems as the field errors of a 400, or nothing. */
export function passwordFieldErrors(
  field: string,
  password: string,
  username: string | null,
): ApiException | null {
  const problems = passwordProblems(password, username);
  if (!problems.length) return null;
  return ApiException.badRequest(problems.map((p) => ({ field, reason: PASSWORD_PROBLEM_TEXT[p] })));
}

/**
 * Logins, session renewal, logout and the user's own password change. Failed logins back off per
 * username and client address (the same for names that exist and names that do not); every attempt,
 * renewal refusal, logout and password change is audited in the transaction that changes the state.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(
    username: string,
    password: string,
    ip: string | null,
    now = this.clock.now(),
  ): Promise<SessionGrant> {
    const client = (ip ?? 'unknown').slice(0, 64);
    const key = username.toLowerCase().slice(0, 64);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const failure = await manager.findOne(LoginFailureEntity, {
        where: { username: key, client },
        lock: { mode: 'pessimistic_write' },
      });
      const user = await manager.findOneBy(UserEntity, { username });
      const actor = { userId: user?.id ?? null, username, ip };
      const waitUntil = failure
        ? failure.lastFailedAt.getTime() + 1000 * loginBackoffSeconds(failure.failures, this.backoff())
        : 0;
      if (waitUntil > now.getTime()) {
        await this.audit.record(manager, {
          actor,
          action: 'login_failed',
          resource: user ? 'users' : 'auth',
          resourceId: user?.id ?? null,
          after: { reason: 'backoff', failures: failure!.failures },
        });
        return { ok: false, retryAfter: Math.ceil((waitUntil - now.getTime()) / 1000) } as const;
      }
      const valid = await verifyPassword(
        user?.passwordHash ?? (await (dummyHash ??= hashPassword('not a password'))),
        password,
      );
      if (!user || !valid || user.disabled) {
        const failures = (failure?.failures ?? 0) + 1;
        await manager.upsert(LoginFailureEntity, { username: key, client, failures, lastFailedAt: now }, [
          'username',
          'client',
        ]);
        const reason = !user ? 'unknown user' : !valid ? 'wrong password' : 'disabled';
        await this.audit.record(manager, {
          actor,
          action: 'login_failed',
          resource: user ? 'users' : 'auth',
          resourceId: user?.id ?? null,
          after: { reason, failures },
        });
        return { ok: false, retryAfter: 0 } as const;
      }
      await manager.delete(LoginFailureEntity, { username: key, client });
      // Failures a day old count no more; names that never logged in leave no row behind for long.
      await manager.delete(LoginFailureEntity, { lastFailedAt: LessThan(new Date(now.getTime() - DAY_MS)) });
      await manager.update(UserEntity, user.id, { lastLoginAt: now });
      const issued = await this.sessions.open(manager, user, ip, now);
      await this.audit.record(manager, {
        actor,
        action: 'login',
        resource: 'users',
        resourceId: user.id,
        after: { session: issued.sessionId },
      });
      return { ok: true, issued } as const;
    });
    if (!outcome.ok) {
      if (outcome.retryAfter > 0) throw tooManyTries(outcome.retryAfter);
      throw new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
    }
    return this.grant(outcome.issued);
  }

  /** A new access token (and refresh token) for the session of a refresh token. */
  async refresh(
    refreshToken: string | undefined,
    ip: string | null,
    now = this.clock.now(),
  ): Promise<SessionGrant> {
    if (!refreshToken) throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    const renewed = await this.sessions.renew(refreshToken, now);
    if (!renewed.ok) {
      if (renewed.reason === 'refresh token reused') {
        await this.dataSource.transaction((manager) =>
          this.audit.record(manager, {
            actor: { userId: renewed.userId, username: null, ip },
            action: 'sessions_revoked',
            resource: 'users',
            resourceId: renewed.userId,
            after: { reason: renewed.reason },
          }),
        );
      }
      throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    }
    return this.grant(renewed.issued);
  }

  async logout(actor: Actor, now = this.clock.now()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (actor.sessionId) await this.sessions.end(manager, { id: actor.sessionId }, 'logout', now);
      await this.audit.record(manager, {
        actor,
        action: 'logout',
        resource: 'users',
        resourceId: actor.userId,
        after: { session: actor.sessionId },
      });
    });
  }

  /**
   * The user's own password change (ASVS 5.0 §6.2.3): the current password proves it is them; every
   * session of the account ends, and a new one starts for this client.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    now = this.clock.now(),
  ): Promise<SessionGrant> {
    const issued = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await this.audit.record(manager, {
          actor,
          action: 'password_change',
          resource: 'users',
          resourceId: user.id,
          after: { changed: false, reason: 'wrong current password' },
        });
        return null;
      }
      const weak = passwordFieldErrors('newPassword', newPassword, user.username);
      if (weak) throw weak;
      if (await verifyPassword(user.passwordHash, newPassword)) {
        throw ApiException.badRequest([{ field: 'newPassword', reason: SAME_PASSWORD }]);
      }
      await this.setPassword(manager, user, newPassword, false, now);
      const ended = await this.sessions.end(manager, { userId: user.id }, 'password_change', now);
      await this.audit.record(manager, {
        actor,
        action: 'password_change',
        resource: 'users',
        resourceId: user.id,
        after: { changed: true, by: 'self', sessionsEnded: ended },
      });
      return this.sessions.open(manager, user, actor.ip, now);
    });
    if (!issued) throw ApiException.badRequest([{ field: 'currentPassword', reason: WRONG_CURRENT }]);
    return this.grant(issued);
  }

  /** Stores a new password hash; someone else's choice must be changed at the next login. */
  async setPassword(
    manager: EntityManager,
    user: UserEntity,
    password: string,
    mustChange: boolean,
    now: Date,
  ): Promise<void> {
    user.passwordHash = await hashPassword(password);
    user.mustChangePassword = mustChange;
    user.passwordChangedAt = now;
    await manager.update(UserEntity, user.id, {
      passwordHash: user.passwordHash,
      mustChangePassword: mustChange,
      passwordChangedAt: now,
    });
  }

  async me(userId: number): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw ApiException.notFound('users', userId);
    return toUserDto(user);
  }

  private backoff() {
    const { maxFailures, backoffSeconds, backoffMaxMinutes } = this.config.login;
    return { freeFailures: maxFailures, baseSeconds: backoffSeconds, maxSeconds: backoffMaxMinutes * 60 };
  }

  private async grant(issued: IssuedSession): Promise<SessionGrant> {
    const { user } = issued;
    const claims: AccessTokenClaims = {
      sub: String(user.id),
      sid: issued.sessionId,
      username: user.username,
      role: user.role,
      officerId: user.officerId,
    };
    const expiresIn = this.config.jwt.expiresInMinutes * 60;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return {
      response: { accessToken, expiresIn, user: toUserDto(user) },
      refreshToken: issued.refreshToken,
    };
  }
}

function tooManyTries(seconds: number): ApiException {
  return new ApiException(
    HttpStatus.TOO_MANY_REQUESTS,
    {
      zh: `尝试过于频繁，请 ${seconds} 秒后再试`,
      en: `Too many tries: try again in ${seconds} second(s)`,
    },
    [],
    { 'Retry-After': String(seconds) },
  );
}
