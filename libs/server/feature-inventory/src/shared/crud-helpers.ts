import {
  ApiException,
  fieldName,
  findList,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A list per api.md narrowed by an extra condition on alias `e` (e.g. an officer's own records). */
export async function listNarrowed<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  spec: ListSpec,
  query: ListQuery,
  narrow: ((builder: SelectQueryBuilder<E>) => void) | null,
): Promise<ListResult<E>> {
  const builder = dataSource.getRepository(entity).createQueryBuilder('e');
  narrow?.(builder);
  return findList(spec.resource, builder, query, spec.search);
}

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

/** An edit may leave a required field out, but not send it as null (PartialType lets null through). */
export function refuseNulls(values: Record<string, unknown>, fields: readonly string[]): void {
  const nulls = fields.filter((field) => field in values && values[field] === null);
  if (nulls.length) {
    throw ApiException.badRequest(
      nulls.map((field) => {
        const name = fieldName(field);
        return { field, reason: { zh: `${name.zh}为必填项`, en: `${name.en} is required` } };
      }),
    );
  }
}
