import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@fleet/server/config';
import { Readable } from 'node:stream';
import type { RequestWithActor } from '../auth/access.decorators';
import { installContentRange } from '../list/content-range.hook';
import { inputFaultException, notJsonException, tooDeepException } from './edge-errors';
import { findInputFault, jsonDepthExceeds } from './input-hygiene';

/**
 * The HTTP edge every request passes before a controller: JSON bodies bounded in size
 * (JSON_BODY_MAX_BYTES, 413 above) and depth (JSON_MAX_DEPTH, measured before parsing, so a body nested
 * 100,000 deep costs one pass), then query, path and body refused with 400 naming the field when a string
 * holds NUL or an unpaired surrogate or a number is not finite (JSON's 1e400). Call before the routes
 * are registered (app.init / listen). Answers carry `X-Content-Type-Options: nosniff`; a list's answer
 * its Content-Range (installContentRange).
 */
export function installEdge(app: NestFastifyApplication, limits: AppConfig['limits']): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: limits.jsonBodyMaxBytes }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, limits.jsonMaxDepth)) {
      done(tooDeepException(limits.jsonMaxDepth), undefined);
      return;
    }
    void parseJson(request as Parameters<typeof parseJson>[0], text, (error, parsed) =>
      done(
        error && !(error as { code?: string }).code?.includes('EMPTY') ? notJsonException() : error,
        parsed,
      ),
    );
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const fault =
      findInputFault(request.query) ??
      findInputFault(request.params) ??
      (request.body instanceof Readable ? null : findInputFault(request.body));
    done(fault ? inputFaultException(fault) : undefined);
  });
  // Every answer is taken as the type it declares (a stored photo as the image type it was decoded as),
  // never sniffed by the browser into HTML.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // Fails closed: a handler that ran alongside the session check (ReadsAlongsideSession) and did
    // not await it answers nothing.
    if ((request as RequestWithActor).sessionSettled === false) {
      done(new Error(`${request.method} ${request.url} answered before its session check`));
      return;
    }
    void reply.header('x-content-type-options', 'nosniff');
    done(null, payload);
  });
  installContentRange(fastify);
}
