import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AUDIT_GENESIS_HASH, auditRowHash, type AuditChainRow } from '@fleet/domain/audit';
import type { AuditAction } from '@fleet/shared/contracts';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  /** Who did it; a failed login by an unknown name has no user id. */
  actor: { userId: number | null; username: string | null; ip: string | null } | null;
  action: AuditAction;
  resource: string;
  resourceId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** The advisory lock every chain append takes inside its transaction (issue 12, item 7). */
export const AUDIT_CHAIN_LOCK_KEY = 12_0007;
/** Audit rows written per INSERT by recordMany. */
const AUDIT_ROWS_PER_INSERT = 5_000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Drops what must never be stored in the audit log, like password hashes. */
function redact(value: unknown): object | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return { value };
  const { passwordHash: _hash, password: _password, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * The value as jsonb will give it back (dates as text, no undefined), so the hash covers what is stored,
 * and its JSON text, which is what the INSERT sends (stringifying the parsed value again gives the same text).
 */
function asStoredJson(value: object | null): { value: unknown; text: string | null } {
  if (value === null) return { value: null, text: null };
  const text = JSON.stringify(value);
  return { value: JSON.parse(text) as unknown, text };
}

/**
 * Writes audit rows through the caller's transaction, so a change and its audit row are stored
 * together or not at all. Each row is chained to the one before it: the append takes a transaction-level
 * advisory lock (held until the caller commits or rolls back), reads the last row's hash and takes the next
 * id under it, so concurrent writers queue and the chain never forks.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  /**
   * Appends many rows at once in the caller's transaction (a month's close issues a statement per
   * officer): one lock, one read of the chain's head, the rows hashed in order and written with one
   * INSERT per 5,000, the same rows `record` would write one by one.
   */
  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    // Outside a transaction the lock would end with its own statement: give the append one.
    if (!manager.queryRunner?.isTransactionActive)
      return manager.transaction((inner) => this.append(inner, entries));
    await this.append(manager, entries);
  }

  private async append(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    // A statement of its own after the lock, so (read committed) it sees the last committed row.
    const [head] = await manager.query<{ ids: number[]; at: Date; prevHash: string | null }[]>(
      `SELECT (SELECT array_agg(nextval(pg_get_serial_sequence('audit_log', 'id'))::int ORDER BY n)
                 FROM generate_series(1, $1) n) AS "ids",
              date_trunc('milliseconds', now()) AS "at",
              (SELECT "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1) AS "prevHash"`,
      [entries.length],
    );
    let prevHash = head.prevHash ?? AUDIT_GENESIS_HASH;
    const rows = entries.map((entry, i) => {
      const before = asStoredJson(redact(entry.before));
      const after = asStoredJson(redact(entry.after));
      const row: AuditChainRow = {
        id: head.ids[i],
        at: head.at,
        userId: entry.actor?.userId ?? null,
        username: entry.actor?.username ?? null,
        ip: entry.actor?.ip ?? null,
        action: entry.action,
        resource: entry.resource,
        resourceId: entry.resourceId === null ? null : String(entry.resourceId),
        before: before.value,
        after: after.value,
      };
      const hash = auditRowHash(row, prevHash, sha256Hex);
      const stored = { row, before: before.text, after: after.text, prevHash, hash };
      prevHash = hash;
      return stored;
    });
    for (let from = 0; from < rows.length; from += AUDIT_ROWS_PER_INSERT) {
      const chunk = rows.slice(from, from + AUDIT_ROWS_PER_INSERT);
      const column = <T>(pick: (r: (typeof rows)[number]) => T) => chunk.map(pick);
      await manager.query(
        `INSERT INTO "audit_log" ("id", "at", "user_id", "username", "ip", "action", "resource", "resource_id",
           "before", "after", "prev_hash", "hash")
         SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[],
           $7::varchar[], $8::varchar[], $9::jsonb[], $10::jsonb[], $11::varchar[], $12::varchar[])`,
        [
          column((r) => r.row.id),
          column((r) => r.row.at),
          column((r) => r.row.userId),
          column((r) => r.row.username),
          column((r) => r.row.ip),
          column((r) => r.row.action),
          column((r) => r.row.resource),
          column((r) => r.row.resourceId),
          column((r) => r.before),
          column((r) => r.after),
          column((r) => r.prevHash),
          column((r) => r.hash),
        ],
      );
    }
  }
}
