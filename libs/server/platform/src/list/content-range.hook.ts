import type { FastifyInstance } from 'fastify';
import { ListResult } from './list-result';
import { serializeListItems } from './list-serializer';

/**
 * Sends a ListResult as a JSON array with react-admin's Content-Range header, the array written from
 * the list's response schema (serializeListItems). A Fastify hook rather than a Nest interceptor: a
 * global interceptor puts every request of every route through RxJS and an AsyncResource.bind (which,
 * on Node 20, builds a deprecation wrapper each time).
 */
export function installContentRange(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    if (!(payload instanceof ListResult)) {
      done(null, payload);
      return;
    }
    void reply.header('Content-Range', payload.contentRange);
    const result = payload as ListResult<unknown>;
    // Only for this payload: an error answered after this point is serialised as any other.
    reply.serializer((sent: unknown) =>
      sent === result.items ? serializeListItems(result) : JSON.stringify(sent),
    );
    done(null, result.items);
  });
}
