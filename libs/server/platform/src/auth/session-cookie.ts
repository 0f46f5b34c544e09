import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse } from '@fleet/shared/contracts';
import type { SessionGrant } from './auth.service';

/** The refresh token's cookie: httpOnly (no page script reads it), sent only to /api/auth, same site only. */
export const REFRESH_COOKIE = 'fleet_refresh';
const COOKIE_PATH = '/api/auth';

function attributes(request: FastifyRequest, maxAgeSeconds: number): string {
  // Secure when the request came over TLS (directly or through a trusted proxy).
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Puts the grant's refresh token in the cookie and answers the rest. */
export function sendGrant(
  request: FastifyRequest,
  reply: FastifyReply,
  grant: SessionGrant,
  maxAgeSeconds: number,
): LoginResponse {
  void reply.header(
    'set-cookie',
    `${REFRESH_COOKIE}=${grant.refreshToken}; ${attributes(request, maxAgeSeconds)}`,
  );
  void reply.header('cache-control', 'no-store');
  return grant.response;
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', `${REFRESH_COOKIE}=; ${attributes(request, 0)}`);
}

/** The refresh token from the request's cookies, if any. */
export function refreshTokenOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}
