import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@fleet/shared/contracts';
import type { FastifyRequest } from 'fastify';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';
export const TEMPORARY_PASSWORD_KEY = 'access:temporary-password';
export const SESSION_ALONGSIDE_KEY = 'access:session-alongside';

/** The roles that may call this endpoint. An endpoint without @Roles or @Public is refused to all. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);

/** Open without a login (login itself, health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Callable while the account still has a password someone else chose (its own details, changing the
 * password, logging out); every other endpoint answers 403 until the password is changed.
 */
export const AllowTemporaryPassword = () => SetMetadata(TEMPORARY_PASSWORD_KEY, true);

/**
 * A read whose handler runs alongside the guard's session check instead of after it (see
 * AccessGuard and readAlongsideSession): only for a handler that reads, answers nothing before
 * readAlongsideSession has confirmed the session, and takes its actor from there.
 */
export const ReadsAlongsideSession = () => SetMetadata(SESSION_ALONGSIDE_KEY, true);

/** Who is calling: put on the request by the access guard. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  officerId: number | null;
  ip: string | null;
  /** The login session of the request; absent for work the system does on a user's behalf. */
  sessionId?: string;
}

export type RequestWithActor = FastifyRequest & {
  actor?: Actor;
  /**
   * The guard's session check still running, on a handler marked ReadsAlongsideSession: `actor` is
   * then the token's word until readAlongsideSession has awaited it (and set `sessionSettled`).
   */
  sessionCheck?: Promise<void>;
  sessionSettled?: boolean;
};

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on an endpoint without a login');
  return actor;
});
