import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, Role, UserDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { UserEntity } from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import { hashPassword, verifyPassword } from './password';

export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  officerId: number | null;
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    officerId: user.officerId,
    disabled: user.disabled,
  };
}

const BAD_CREDENTIALS = { zh: '用户名或密码错误', en: 'Wrong username or password' };

/** A hash to verify against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | null = null;

/**
 * Logins: argon2id passwords, a lock after repeated failures, an audit row for every attempt
 * written in the same transaction as the counters it changes.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(
    username: string,
    password: string,
    ip: string | null,
    now = this.clock.now(),
  ): Promise<LoginResponse> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { username },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) {
        await verifyPassword(await (dummyHash ??= hashPassword('not a password')), password);
        await this.audit.record(manager, {
          actor: { userId: null, username, ip },
          action: 'login_failed',
          resource: 'auth',
          resourceId: null,
          after: { reason: 'unknown user' },
        });
        return { ok: false, error: BAD_CREDENTIALS, status: HttpStatus.UNAUTHORIZED } as const;
      }
      const actor = { userId: user.id, username: user.username, ip };
      if (user.lockedUntil && user.lockedUntil > now) {
        await this.audit.record(manager, {
          actor,
          action: 'login_failed',
          resource: 'users',
          resourceId: user.id,
          after: { reason: 'locked', lockedUntil: user.lockedUntil },
        });
        return { ok: false, error: lockedText(user.lockedUntil, now), status: HttpStatus.LOCKED } as const;
      }
      const valid = await verifyPassword(user.passwordHash, password);
      if (!valid || user.disabled) {
        const failedLogins = user.failedLogins + 1;
        const lock = failedLogins >= this.config.login.maxFailures;
        const lockedUntil = lock ? new Date(now.getTime() + this.config.login.lockMinutes * 60_000) : null;
        await manager.update(UserEntity, user.id, { failedLogins: lock ? 0 : failedLogins, lockedUntil });
        await this.audit.record(manager, {
          actor,
          action: 'login_failed',
          resource: 'users',
          resourceId: user.id,
          after: { reason: user.disabled ? 'disabled' : 'wrong password', failedLogins, lockedUntil },
        });
        if (lockedUntil)
          return { ok: false, error: lockedText(lockedUntil, now), status: HttpStatus.LOCKED } as const;
        return { ok: false, error: BAD_CREDENTIALS, status: HttpStatus.UNAUTHORIZED } as const;
      }
      await manager.update(UserEntity, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      await this.audit.record(manager, { actor, action: 'login', resource: 'users', resourceId: user.id });
      return { ok: true, user } as const;
    });
    if (!outcome.ok) throw new ApiException(outcome.status, outcome.error);

    const { user } = outcome;
    const claims: AccessTokenClaims = {
      sub: String(user.id),
      username: user.username,
      role: user.role,
      officerId: user.officerId,
    };
    const expiresIn = this.config.jwt.expiresInMinutes * 60;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, user: toUserDto(user) };
  }

  async me(userId: number): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw ApiException.notFound('users', userId);
    return toUserDto(user);
  }
}

function lockedText(until: Date, now: Date): { zh: string; en: string } {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return {
    zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    en: `Too many failed logins: the account is locked for ${minutes} more minute(s)`,
  };
}
