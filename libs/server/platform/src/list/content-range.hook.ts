import type { FastifyInstance } from 'fastify';
import { ListResult } from './list-result';

/**
 * Sends a ListResult as a JSON array with react-admin's Content-Range header. A Fastify hook rather than
 * a Nest interceptor: a global interceptor puts every request of every route through RxJS and an
 * AsyncResource.bind (which, on Node 20, builds a deprecation wrapper each time).
 */
export function installContentRange(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (!(payload instanceof ListResult)) {
      done(null, payload);
      return;
    }
    void reply.header('Content-Range', payload.contentRange);
    done(null, payload.items);
  });
}
