import {
  type Actor,
  ApiException,
  findList,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { officerScope } from './officer-scope';

/** An extra condition on a list's query (alias `e`). */
export type Narrow<E extends ObjectLiteral> = (builder: SelectQueryBuilder<E>) => void;

/**
 * Narrows a query on alias `e` to an officer login's own rows, those `condition` selects with `:scope`
 * as the officer's id; null for staff, who see every row.
 */
export function narrowToOwn<E extends ObjectLiteral>(actor: Actor, condition: string): Narrow<E> | null {
  const scope = officerScope(actor);
  return scope === null ? null : (builder) => void builder.andWhere(condition, { scope });
}

/** A list per api.md narrowed by extra conditions on alias `e` (e.g. an officer's own records). */
export async function listNarrowed<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  spec: ListSpec,
  query: ListQuery,
  ...narrows: (Narrow<E> | null)[]
): Promise<ListResult<E>> {
  const builder = dataSource.getRepository(entity).createQueryBuilder('e');
  for (const narrow of narrows) narrow?.(builder);
  return findList(spec.resource, builder, query, spec.search);
}

/** One row the actor may see (see narrowToOwn); any other answers 404, so an officer cannot probe ids. */
export async function findVisible<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  resource: string,
  actor: Actor,
  id: number,
  condition: string,
): Promise<E> {
  const builder = manager.getRepository(entity).createQueryBuilder('e').where('e.id = :id', { id });
  narrowToOwn<E>(actor, condition)?.(builder);
  const found = await builder.getOne();
  if (!found) throw ApiException.notFound(resource, id);
  return found;
}
