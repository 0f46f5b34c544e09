import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@fleet/shared/contracts';
import { ApiException } from '../errors/api.exception';
import { PUBLIC_KEY, ROLES_KEY, type RequestWithActor } from './access.decorators';
import type { AccessTokenClaims } from './auth.service';

const NOT_LOGGED_IN = { zh: '请先登录', en: 'Please log in' };
const SESSION_ENDED = { zh: '登录已过期，请重新登录', en: 'Your session has expired: please log in again' };
const FORBIDDEN = { zh: '您的角色无权执行此操作', en: 'Your role may not do this' };

/**
 * The one gate of every request: public endpoints pass; every other endpoint needs a valid token and a
 * role listed in its @Roles. An endpoint that declares nothing is refused, so a forgotten declaration
 * fails closed (and the route-permission test names it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new ApiException(HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    }
    request.actor = {
      userId: Number(claims.sub),
      username: claims.username,
      role: claims.role,
      officerId: claims.officerId,
      ip: request.ip ?? null,
    };

    if (!roles) {
      this.logger.error(`${request.method} ${request.url} declares no roles: refused`);
      throw new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
    }
    if (!roles.includes(claims.role)) throw new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
    return true;
  }
}
