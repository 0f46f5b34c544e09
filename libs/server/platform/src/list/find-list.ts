import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ListQuery } from './list-query';
import { ListResult } from './list-result';

const OPERATORS = { eq: '=', gte: '>=', lte: '<=' } as const;

/** The column of a page's rows that carries the exact total (a name no entity column can take). */
const TOTAL = '__list_total';

/**
 * Narrows a query builder (alias `e`) by a parsed list query and orders it: its filters, its ids, `q`
 * as a case-insensitive substring search over the search properties, the sort with `id` as tiebreak.
 */
export function applyListQuery<E extends ObjectLiteral>(
  builder: SelectQueryBuilder<E>,
  query: ListQuery,
  searchProperties: readonly string[] = [],
): SelectQueryBuilder<E> {
  query.filters.forEach(({ spec, value }, i) => {
    const param = `f${i}`;
    if (Array.isArray(value)) builder.andWhere(`e.${spec.property} IN (:...${param})`, { [param]: value });
    else builder.andWhere(`e.${spec.property} ${OPERATORS[spec.op ?? 'eq']} :${param}`, { [param]: value });
  });
  if (query.ids) builder.andWhere('e.id IN (:...ids)', { ids: query.ids.length ? query.ids : [-1] });
  if (query.q && searchProperties.length) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const metadata = builder.expressionMap.mainAlias!.metadata;
    // A fixed-width (char) column is searched as text, as its trigram index holds it: the same rows for
    // a trimmed `q`, since only a pattern ending in a space could tell the padding apart.
    const searched = (property: string) =>
      metadata.findColumnWithPropertyName(property)?.type === 'char'
        ? `CAST(e.${property} AS text)`
        : `e.${property}`;
    builder.andWhere(
      new Brackets((where) => {
        searchProperties.forEach((property) =>
          where.orWhere(`${searched(property)} ILIKE :q`, { q: pattern }),
        );
      }),
    );
  }
  builder.orderBy(`e.${query.sort[0]}`, query.sort[1]);
  // The tie-break by id, unless the sort is by id: the ORM keys ORDER BY by column, so a second `e.id`
  // would replace the first and a list sorted by id descending came back ascending.
  return query.sort[0] === 'id' ? builder : builder.addOrderBy('e.id', 'ASC');
}

/**
 * The one statement a list runs (builder from applyListQuery, without joins): the page's columns and,
 * on every row, the exact total as an uncorrelated scalar subquery PostgreSQL evaluates once (an
 * InitPlan). Page and total come back in one round trip, in the page's own order.
 */
export function listStatement<E extends ObjectLiteral>(
  builder: SelectQueryBuilder<E>,
  query: Pick<ListQuery, 'offset' | 'limit'>,
): [string, unknown[]] {
  const count = builder.clone().orderBy().select('CAST(count(*) AS int)');
  return builder
    .clone()
    .addSelect(`(${count.getQuery()})`, TOTAL)
    .offset(query.offset)
    .limit(query.limit)
    .getQueryAndParameters();
}

/** Builds entities from a page's raw rows (`e_<column>`) the way the ORM would, without its transformer. */
function rowMapper<E extends ObjectLiteral>(builder: SelectQueryBuilder<E>): (row: ObjectLiteral) => E {
  const metadata = builder.expressionMap.mainAlias!.metadata;
  const driver = builder.connection.driver;
  const columns = metadata.columns.map((column): [string, ColumnMetadata] => [
    `e_${column.databaseName}`,
    column,
  ]);
  return (row) => {
    const entity = metadata.create() as E;
    for (const [key, column] of columns) {
      if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  };
}

/**
 * Applies a parsed list query to a query builder (alias `e`) and returns the page with its exact
 * total. `q` is a case-insensitive substring search over the spec's search properties.
 *
 * A builder without joins (every plain resource) takes one statement for page and total (see
 * listStatement) and its rows are mapped by rowMapper; a page past the end, which has no row to carry
 * the total, counts separately. A builder with joins is hydrated by the ORM, page and count in parallel.
 */
export async function findList<E extends ObjectLiteral>(
  resource: string,
  builder: SelectQueryBuilder<E>,
  query: ListQuery,
  searchProperties: readonly string[] = [],
): Promise<ListResult<E>> {
  applyListQuery(builder, query, searchProperties);
  const { joinAttributes, relationIdAttributes, relationCountAttributes } = builder.expressionMap;
  if (joinAttributes.length || relationIdAttributes.length || relationCountAttributes.length) {
    const [items, total] = await Promise.all([
      builder.clone().skip(query.offset).take(query.limit).getMany(),
      builder.clone().getCount(),
    ]);
    return new ListResult(resource, items, query.offset, total);
  }
  const [sql, parameters] = listStatement(builder, query);
  const rows = await builder.connection.query<ObjectLiteral[]>(sql, parameters);
  const total = rows.length
    ? (rows[0][TOTAL] as number)
    : query.offset === 0
      ? 0
      : await builder.clone().orderBy().getCount();
  return new ListResult(resource, rows.map(rowMapper(builder)), query.offset, total);
}
