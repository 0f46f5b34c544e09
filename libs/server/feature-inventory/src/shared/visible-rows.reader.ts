import {
  type Actor,
  ApiException,
  findList,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { officerScope } from './officer-scope';

/** An extra condition on a list's query (alias `e`). */
export type Narrow<E extends ObjectLiteral> = (builder: SelectQueryBuilder<E>) => void;

/** A list per api.md narrowed by extra conditions on alias `e`, in the order given. */
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

/**
 * The rows of one entity an actor may see: an officer login those `condition` selects, with `:scope`
 * as the officer's id (say, the device they hold); staff every row.
 */
export class VisibleRows<E extends ObjectLiteral> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<E>,
    private readonly resource: string,
    private readonly condition: string,
  ) {}

  /** A page of the rows the actor may see, narrowed first by `narrows`. */
  list(actor: Actor, spec: ListSpec, query: ListQuery, ...narrows: Narrow<E>[]): Promise<ListResult<E>> {
    return listNarrowed(this.dataSource, this.entity, spec, query, ...narrows, this.own(actor));
  }

  /** One row the actor may see; any other answers 404, so an officer cannot probe ids. */
  async find(actor: Actor, id: number): Promise<E> {
    const builder = this.dataSource
      .getRepository(this.entity)
      .createQueryBuilder('e')
      .where('e.id = :id', { id });
    this.own(actor)?.(builder);
    const found = await builder.getOne();
    if (!found) throw ApiException.notFound(this.resource, id);
    return found;
  }

  private own(actor: Actor): Narrow<E> | null {
    const scope = officerScope(actor);
    return scope === null ? null : (builder) => void builder.andWhere(this.condition, { scope });
  }
}
