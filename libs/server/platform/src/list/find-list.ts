import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from './list-query';
import { ListResult } from './list-result';

const OPERATORS = { eq: '=', gte: '>=', lte: '<=' } as const;

/**
 * Applies a parsed list query to a query builder (alias `e`) and returns the page with its exact
 * total. `q` is a case-insensitive substring search over the spec's search properties.
 */
export async function findList<E extends ObjectLiteral>(
  resource: string,
  builder: SelectQueryBuilder<E>,
  query: ListQuery,
  searchProperties: readonly string[] = [],
): Promise<ListResult<E>> {
  query.filters.forEach(({ spec, value }, i) => {
    const param = `f${i}`;
    if (Array.isArray(value)) builder.andWhere(`e.${spec.property} IN (:...${param})`, { [param]: value });
    else builder.andWhere(`e.${spec.property} ${OPERATORS[spec.op ?? 'eq']} :${param}`, { [param]: value });
  });
  if (query.ids) builder.andWhere('e.id IN (:...ids)', { ids: query.ids.length ? query.ids : [-1] });
  if (query.q && searchProperties.length) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder.andWhere(
      new Brackets((where) => {
        searchProperties.forEach((property) => where.orWhere(`e.${property} ILIKE :q`, { q: pattern }));
      }),
    );
  }
  builder.orderBy(`e.${query.sort[0]}`, query.sort[1]).addOrderBy('e.id', 'ASC');
  const [items, total] = await builder.skip(query.offset).take(query.limit).getManyAndCount();
  return new ListResult(resource, items, query.offset, total);
}
