import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The officer an officer login is limited to, or null for staff roles that see everything. An officer
 * login without an officer (should not exist) is limited to nobody.
 */
export function officerScope(actor: Actor): number | null {
  if (actor.role !== 'officer') return null;
  return actor.officerId ?? -1;
}

/**
 * Narrows a query on alias `e` to an officer login's own rows, those `condition` selects with `:scope`
 * as the officer's id; null for staff, who see every row.
 */
export function narrowToOwn<E extends ObjectLiteral>(
  actor: Actor,
  condition: string,
): ((builder: SelectQueryBuilder<E>) => void) | null {
  const scope = officerScope(actor);
  return scope === null ? null : (builder) => void builder.andWhere(condition, { scope });
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
