import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** Vite's hashed output (`assets/index-B3xk9_aQ.js`): its name changes whenever its content does. */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png)(?:\.(?:br|gz))?$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * The cache rule of a console file: a hashed asset never changes under its name, so a browser keeps it a
 * year without asking; everything else (index.html, which names the current hashes) is revalidated on
 * every load, so a new release is seen at once.
 */
export function cacheControlOf(path: string): string {
  return HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE;
}

/**
 * Compressed answers (brotli or gzip, as the client accepts) for the API and the console, registered
 * before any route so every route has it; bodies under 1 KB go as they are.
 */
export async function installCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
}

/** The built console at /, with the cache rule above on each file. */
export function serveConsole(app: NestFastifyApplication, consoleDir: string): void {
  app.useStaticAssets({
    root: consoleDir,
    prefix: '/',
    index: 'index.html',
    // @fastify/static 10 hands over the Fastify reply itself (Nest's type still describes the older shape).
    setHeaders: (reply, path) => {
      (reply as unknown as FastifyReply).header('cache-control', cacheControlOf(path));
    },
  });
}
