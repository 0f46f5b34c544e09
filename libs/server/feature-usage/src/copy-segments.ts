import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type CopyStream = ReturnType<typeof copyFrom>;

/** PostgreSQL's binary COPY: the signature, no flags, no header extension; -1 fields ends the data. */
export const BINARY_COPY_FRAME = {
  header: Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]),
  trailer: Buffer.from([0xff, 0xff]),
};

/**
 * `COPY … FROM STDIN` on one connection, fed buffer by buffer with backpressure: a write waits while
 * PostgreSQL is behind, so memory stays bounded and the reader and the database work at the same time.
 * The COPY opens on the first write and stays open across writes; `end()` closes it, so the connection
 * can run other statements (the rejected rows) before the next write opens a new one. Runs inside the
 * caller's transaction.
 */
export class CopySegments {
  private stream: CopyStream | null = null;
  private error: Error | null = null;
  /** Bytes written, all segments. */
  bytes = 0;

  constructor(
    private readonly client: PoolClient,
    private readonly sql: () => string,
    /** Bytes that open and close each COPY (binary format's signature and end marker). */
    private readonly frame: { header: Buffer; trailer: Buffer } | null = null,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    this.check();
    if (!this.stream) {
      // Up to 4 MB may wait in the stream while PostgreSQL works, so the reader runs ahead of it a little.
      const stream = this.client.query(copyFrom(this.sql(), { highWaterMark: 4 * 1024 * 1024 }));
      stream.on('error', (error: Error) => {
        this.error ??= error;
      });
      this.stream = stream;
      if (this.frame) stream.write(this.frame.header);
    }
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) {
      // once() rejects when the stream fails while waiting for 'drain'.
      await once(this.stream, 'drain');
    }
    this.check();
  }

  /** Throws the COPY's failure, if it failed (the 'error' event can come between writes). */
  private check(): void {
    if (this.error) throw this.error;
  }

  /** Closes the open COPY (if any) and waits until PostgreSQL has taken every row. */
  async end(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    this.check();
    if (!stream) return;
    stream.end(this.frame?.trailer);
    await finished(stream);
    this.check();
  }
}
