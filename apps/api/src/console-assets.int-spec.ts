import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../../../tools/test/test-server';

/** Issue 16 item 10: the console goes compressed, hashed assets cached for good, index.html revalidated. */
describe('console delivery: compression and cache headers', () => {
  let server: TestServer;
  let consoleDir: string;
  // A built console of our own, so the test does not depend on a Vite build: a hashed script of ~40 KB.
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `row ${i}`))};\n`;

  beforeAll(async () => {
    consoleDir = await mkdtemp(join(tmpdir(), 'fleet-console-'));
    await mkdir(join(consoleDir, 'assets'));
    await writeFile(
      join(consoleDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/index-Bq3xK9_a.js"></script></head></html>',
    );
    await writeFile(join(consoleDir, 'assets', 'index-Bq3xK9_a.js'), script);
    await writeFile(join(consoleDir, 'assets', 'index-Cd4yL0-b.css'), `body{margin:0}\n`.repeat(200));
    await writeFile(join(consoleDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await startTestServer({ CONSOLE_DIR: consoleDir });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await rm(consoleDir, { recursive: true, force: true });
  });

  it('sends a script gzip- or brotli-compressed as the client accepts, and whole to one that accepts neither', async () => {
    const gzip = await fetch(`${server.baseUrl}/assets/index-Bq3xK9_a.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await gzip.text()).toBe(script); // fetch decodes: the content is intact

    const brotli = await fetch(`${server.baseUrl}/assets/index-Bq3xK9_a.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    await brotli.arrayBuffer();

    const plain = await fetch(`${server.baseUrl}/assets/index-Bq3xK9_a.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.byteLength(await plain.text())).toBe(Buffer.byteLength(script));
  });

  it('caches hashed assets for a year as immutable and makes the browser revalidate index.html', async () => {
    for (const asset of ['/assets/index-Bq3xK9_a.js', '/assets/index-Cd4yL0-b.css']) {
      const response = await fetch(`${server.baseUrl}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
    for (const page of ['/', '/index.html', '/favicon.svg']) {
      const response = await fetch(`${server.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      await response.arrayBuffer();
    }
    // The security headers stay on the console's files.
    const index = await fetch(`${server.baseUrl}/`);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    // Every body read to its end: a response left open keeps its connection busy and the server's close
    // waits for it.
    await index.arrayBuffer();
  });
});
