import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Role } from '@fleet/shared/contracts';
import { ApiException } from '../errors/api.exception';
import {
  type Actor,
  PUBLIC_KEY,
  ROLES_KEY,
  SESSION_ALONGSIDE_KEY,
  TEMPORARY_PASSWORD_KEY,
  type RequestWithActor,
} from './access.decorators';
import type { AccessTokenClaims } from './auth.service';
import { SessionService } from './session.service';
import { Clock } from '@fleet/server/config';

const NOT_LOGGED_IN = { zh: '请先登录', en: 'Please log in' };
const SESSION_ENDED = { zh: '登录已过期，请重新登录', en: 'Your session has expired: please log in again' };
const FORBIDDEN = { zh: '您的角色无权执行此操作', en: 'Your role may not do this' };
export const PASSWORD_CHANGE_REQUIRED = {
  zh: '请先修改初始密码',
  en: 'Change your initial password first',
};

/**
 * The one gate of every request: public endpoints pass; every other endpoint needs a valid token of a
 * session still running and a role listed in its @Roles. The role, the officer link and the account's
 * state come from the database on every request, not from the token, so a change of the account or the
 * end of the session takes effect at once. An endpoint that declares nothing is refused, so a forgotten
 * declaration fails closed (and the route-permission test names it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new ApiException(HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: ours always have one.
    if (typeof claims.exp !== 'number' || typeof claims.sid !== 'string' || !/^\d+$/.test(claims.sub)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    }
    const speculative = this.reflector.getAllAndOverride<boolean>(SESSION_ALONGSIDE_KEY, targets);
    if (speculative && roles?.includes(claims.role)) {
      // A read that may run while the session is looked up: the token's account stands in until
      // readAlongsideSession awaits the check, which refuses exactly as below before anything is sent.
      request.actor = {
        userId: Number(claims.sub),
        username: claims.username,
        role: claims.role,
        officerId: claims.officerId,
        ip: request.ip ?? null,
        sessionId: claims.sid,
      };
      request.sessionCheck = this.confirm(request, claims, roles, targets);
      request.sessionSettled = false;
      // Awaited by the handler; this only keeps a refusal from counting as unhandled before that.
      request.sessionCheck.catch(() => undefined);
      return true;
    }
    await this.confirm(request, claims, roles, targets);
    return true;
  }

  /**
   * The session check: the session still running and its account's role, officer link and state from
   * the database, put on the request as its actor; refuses (401, or 403 audited) otherwise.
   */
  private async confirm(
    request: RequestWithActor,
    claims: AccessTokenClaims,
    roles: Role[] | undefined,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): Promise<void> {
    const live = await this.sessions.live(claims.sid, Number(claims.sub), this.clock.now());
    if (!live) throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    request.actor = {
      userId: live.userId,
      username: live.username,
      role: live.role,
      officerId: live.officerId,
      ip: request.ip ?? null,
      sessionId: claims.sid,
    };

    if (!roles) {
      this.logger.error(`${request.method} ${request.url} declares no roles: refused`);
      throw await this.refused(request, 'undeclared route', FORBIDDEN);
    }
    if (!roles.includes(live.role)) throw await this.refused(request, 'role', FORBIDDEN);
    if (
      live.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(TEMPORARY_PASSWORD_KEY, targets)
    ) {
      throw await this.refused(request, 'initial password', PASSWORD_CHANGE_REQUIRED);
    }
  }

  /** A refusal (403) of a logged-in caller, audited with who asked for what (GB/T 22239 8.1.4.3). */
  private async refused(
    request: RequestWithActor,
    reason: string,
    text: { zh: string; en: string },
  ): Promise<ApiException> {
    const actor = request.actor as Actor;
    const path = request.url.split('?')[0];
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor,
        action: 'access_denied',
        resource: (path.replace(/^\/api\//, '').split('/')[0] || path).slice(0, 64),
        resourceId: null,
        after: { method: request.method, path: path.slice(0, 200), role: actor.role, reason },
      }),
    );
    return new ApiException(HttpStatus.FORBIDDEN, text);
  }
}
