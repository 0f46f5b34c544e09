import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@fleet/shared/contracts';
import { AuditLogEntity } from '@fleet/server/persistence';
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

/** Drops what must never be stored in the audit log, like password hashes. */
function redact(value: unknown): object | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return { value };
  const { passwordHash: _hash, password: _password, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * Writes audit rows through the caller's transaction, so a change and its audit row are stored
 * together or not at all.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLogEntity, {
      userId: entry.actor?.userId ?? null,
      username: entry.actor?.username ?? null,
      ip: entry.actor?.ip ?? null,
      action: entry.action,
      resource: entry.resource,
      resourceId: entry.resourceId === null ? null : String(entry.resourceId),
      before: redact(entry.before),
      after: redact(entry.after),
    });
  }
}
