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

/** The value as jsonb will give it back (dates as text, no undefined), so the hash covers what is stored. */
function asStoredJson(value: object | null): unknown {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
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
    if (manager.queryRunner?.isTransactionActive) {
      await this.append(manager, entry);
    } else {
      // Outside a transaction the lock would end with its own statement: give the append one.
      await manager.transaction((inner) => this.append(inner, entry));
    }
  }

  private async append(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    // A statement of its own after the lock, so (read committed) it sees the last committed row.
    const [head] = await manager.query<{ id: number; at: Date; prevHash: string | null }[]>(
      `SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::int AS "id",
              date_trunc('milliseconds', now()) AS "at",
              (SELECT "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1) AS "prevHash"`,
    );
    const prevHash = head.prevHash ?? AUDIT_GENESIS_HASH;
    const row: AuditChainRow = {
      id: head.id,
      at: head.at,
      userId: entry.actor?.userId ?? null,
      username: entry.actor?.username ?? null,
      ip: entry.actor?.ip ?? null,
      action: entry.action,
      resource: entry.resource,
      resourceId: entry.resourceId === null ? null : String(entry.resourceId),
      before: asStoredJson(redact(entry.before)),
      after: asStoredJson(redact(entry.after)),
    };
    const hash = auditRowHash(row, prevHash, sha256Hex);
    await manager.query(
      `INSERT INTO "audit_log" ("id", "at", "user_id", "username", "ip", "action", "resource", "resource_id",
         "before", "after", "prev_hash", "hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [
        row.id,
        row.at,
        row.userId,
        row.username,
        row.ip,
        row.action,
        row.resource,
        row.resourceId,
        row.before === null ? null : JSON.stringify(row.before),
        row.after === null ? null : JSON.stringify(row.after),
        prevHash,
        hash,
      ],
    );
  }
}
