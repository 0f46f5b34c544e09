import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every answer (console, API, print pages). The console is Vite's
 * bundle (scripts from the same origin only); MUI's emotion writes <style> elements, hence inline
 * styles; print pages are opened as blob: URLs; nothing may frame the console (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const ONE_YEAR = 365 * 24 * 3600;

/** HSTS on answers that went over TLS (directly, or through a proxy named in TRUST_PROXY). */
export function strictTransportSecurity(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (request.protocol === 'https') {
    void reply.header('strict-transport-security', `max-age=${ONE_YEAR}; includeSubDomains`);
  }
  done(null, payload);
}
