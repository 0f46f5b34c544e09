import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@fleet/server/config';
import { type AccessTokenClaims, SessionService } from '@fleet/server/platform';

/**
 * API_DOCS=login: the OpenAPI page and document answer only a request with the access token of a
 * running session (a script: `Authorization: Bearer …`), 401 otherwise.
 */
export function protectApiDocs(app: NestFastifyApplication): void {
  const jwt = app.get(JwtService);
  const sessions = app.get(SessionService);
  const clock = app.get(Clock);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!/^\/api\/docs(?:[-/?.]|$)/.test(request.url)) return;
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const claims = token
        ? await jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] }).catch(() => null)
        : null;
      const live =
        claims && typeof claims.exp === 'number' && typeof claims.sid === 'string'
          ? await sessions.live(claims.sid, Number(claims.sub), clock.now())
          : null;
      if (!live) {
        await reply
          .code(401)
          .header('content-type', 'application/json; charset=utf-8')
          .send({ statusCode: 401, message: '请先登录 (API_DOCS=login)' });
      }
    });
}
