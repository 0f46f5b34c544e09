import { ApiException } from '@fleet/server/platform';

export interface FollowedField {
  field: string;
  zh: string;
  en: string;
}

/**
 * react-admin's PUT sends the whole record, including fields that follow events or are derived. They
 * are accepted when unchanged and refused, with why, when a client tries to change them.
 */
export function refuseChanges(
  sent: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: readonly FollowedField[],
): void {
  const changed = fields.filter(
    ({ field }) => sent[field] !== undefined && (sent[field] ?? null) !== (current[field] ?? null),
  );
  if (changed.length) {
    throw ApiException.badRequest(changed.map(({ field, zh, en }) => ({ field, reason: { zh, en } })));
  }
}

/** Drops the keys a body may carry but the entity must not take from it. */
export function without<T extends object>(values: T, keys: readonly string[]): T {
  const copy = { ...values } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as T;
}

/** The given properties of a record, e.g. the columns of an entity that make its wire form. */
export function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<T, K>;
}
