import { createHash } from 'node:crypto';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ListQuery } from './list-query';
import { type ListColumnTypes, ListResult } from './list-result';
import { runPrepared } from './prepared-query';

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

/** Where a statement's parameter comes from: a builder parameter, or one element of an array parameter. */
class ParameterRef {
  constructor(
    readonly name: string,
    readonly index: number | null,
  ) {}
}

/** A list statement's text (its page's LIMIT and OFFSET the last two parameters) and where its values come from. */
interface ListStatementText {
  text: string;
  refs: ParameterRef[];
  /** The prepared statement's name: the same text has the same name on every connection. */
  name: string;
}

/**
 * Statement texts by builder shape, per entity: the ORM builds the same text for the same shape at
 * every request (≈ 0.25 ms of CPU), so it is built once. Bounded: a burst of odd shapes starts it over.
 */
const statements = new WeakMap<EntityMetadata, Map<string, ListStatementText>>();
const MAX_SHAPES = 256;

/**
 * What decides a builder's SQL text, or null when the builder uses something the key does not cover
 * (a CTE, native parameters, a raw-SQL function parameter). Parameter values are not part of it, only
 * their names and, for arrays spread into IN lists, their lengths.
 */
function shapeOf<E extends ObjectLiteral>(builder: SelectQueryBuilder<E>): string | null {
  const map = builder.expressionMap;
  if (map.commonTableExpressions.length || Object.keys(map.nativeParameters).length) return null;
  const parameters: [string, number][] = [];
  for (const [name, value] of Object.entries(builder.getParameters())) {
    if (typeof value === 'function') return null;
    parameters.push([name, Array.isArray(value) ? value.length : -1]);
  }
  try {
    return JSON.stringify([
      map.aliases.map((a) => [a.name, a.type, a.tablePath, a.subQuery]),
      map.selects,
      map.selectDistinct,
      map.selectDistinctOn,
      map.wheres,
      map.havings,
      map.orderBys,
      map.groupBys,
      [map.limit, map.offset, map.skip, map.take],
      [map.lockMode, map.lockVersion, map.lockTables, map.onLocked],
      [map.withDeleted, map.disableEscaping, map.aliasNamePrefixingEnabled, map.subQuery],
      [map.extraAppendedAndWhereCondition, map.options, map.comment, map.useIndex, map.timeTravel],
      [map.maxExecutionTime],
      parameters,
    ]);
  } catch {
    return null;
  }
}

/**
 * Builds the text of the one statement a list runs: the page's columns and, on every row, the exact
 * total as an uncorrelated scalar subquery. The builder's parameters are replaced by references first,
 * so the text's `$n` can be filled from any builder of the same shape.
 */
function buildStatement<E extends ObjectLiteral>(builder: SelectQueryBuilder<E>): ListStatementText | null {
  const probe = builder.clone();
  for (const [name, value] of Object.entries(builder.getParameters())) {
    probe.setParameter(
      name,
      Array.isArray(value) ? value.map((_, i) => new ParameterRef(name, i)) : new ParameterRef(name, null),
    );
  }
  const count = probe.clone().orderBy().select('CAST(count(*) AS int)');
  const [sql, refs] = probe.addSelect(`(${count.getQuery()})`, TOTAL).getQueryAndParameters() as [
    string,
    unknown[],
  ];
  // A parameter the ORM adds of its own (a discriminator's values) is not a reference: no shared text.
  if (!refs.every((ref): ref is ParameterRef => ref instanceof ParameterRef)) return null;
  const text = `${sql} LIMIT $${refs.length + 1} OFFSET $${refs.length + 2}`;
  const name = `list_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  return { text, refs, name };
}

function statementFor<E extends ObjectLiteral>(builder: SelectQueryBuilder<E>): ListStatementText | null {
  const metadata = builder.expressionMap.mainAlias!.metadata;
  const shape = shapeOf(builder);
  if (shape === null) return buildStatement(builder);
  let byShape = statements.get(metadata);
  if (!byShape) statements.set(metadata, (byShape = new Map<string, ListStatementText>()));
  let statement = byShape.get(shape);
  if (!statement) {
    const built = buildStatement(builder);
    if (!built) return null;
    if (byShape.size >= MAX_SHAPES) byShape.clear();
    byShape.set(shape, (statement = built));
  }
  return statement;
}

function valuesOf(
  statement: ListStatementText,
  parameters: ObjectLiteral,
  query: Pick<ListQuery, 'offset' | 'limit'>,
): unknown[] {
  const values = statement.refs.map(({ name, index }): unknown =>
    index === null ? parameters[name] : (parameters[name] as unknown[])[index],
  );
  values.push(query.limit, query.offset);
  return values;
}

/**
 * The one statement a list runs (builder from applyListQuery, without joins): the page's columns and,
 * on every row, the exact total as an uncorrelated scalar subquery PostgreSQL evaluates once (an
 * InitPlan). Page and total come back in one round trip, in the page's own order. LIMIT and OFFSET are
 * parameters, so every page of a shape is one text (and one prepared statement).
 */
export function listStatement<E extends ObjectLiteral>(
  builder: SelectQueryBuilder<E>,
  query: Pick<ListQuery, 'offset' | 'limit'>,
): [string, unknown[]] {
  const statement = statementFor(builder);
  if (statement) return [statement.text, valuesOf(statement, builder.getParameters(), query)];
  const count = builder.clone().orderBy().select('CAST(count(*) AS int)');
  const [sql, parameters] = builder
    .clone()
    .addSelect(`(${count.getQuery()})`, TOTAL)
    .getQueryAndParameters() as [string, unknown[]];
  return [
    `${sql} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
    [...parameters, query.limit, query.offset],
  ];
}

/** How an entity's rows become entities and which of its properties serialise as which JSON type. */
interface EntityRows {
  columns: [string, ColumnMetadata][];
  types: ListColumnTypes;
}

const entityRows = new WeakMap<EntityMetadata, EntityRows>();

/** The JSON type a column's hydrated value has (null aside), where it is sure; others go through JSON.stringify. */
function jsonTypeOf(column: ColumnMetadata, databaseType: string): ListColumnTypes[string] | null {
  if (column.isArray || column.transformer || column.embeddedMetadata) return null;
  if (['int', 'int2', 'int4', 'integer', 'smallint'].includes(databaseType)) return 'integer';
  if (['bool', 'boolean'].includes(databaseType)) return 'boolean';
  const strings = [
    'varchar',
    'character varying',
    'text',
    'char',
    'character',
    'uuid',
    'citext',
    'enum',
    'date',
  ];
  if (strings.includes(databaseType) || databaseType.startsWith('timestamp')) return 'string';
  return null;
}

function rowsOf(metadata: EntityMetadata): EntityRows {
  let rows = entityRows.get(metadata);
  if (!rows) {
    const driver = metadata.connection.driver;
    const types: Record<string, ListColumnTypes[string]> = {};
    for (const column of metadata.columns) {
      const type = jsonTypeOf(column, String(driver.normalizeType(column)));
      if (type) types[column.propertyName] = type;
    }
    rows = {
      columns: metadata.columns.map((column) => [`e_${column.databaseName}`, column]),
      types,
    };
    entityRows.set(metadata, rows);
  }
  return rows;
}

/** Builds entities from a page's raw rows (`e_<column>`) the way the ORM would, without its transformer. */
function mapRows<E extends ObjectLiteral>(builder: SelectQueryBuilder<E>, rows: ObjectLiteral[]): E[] {
  const metadata = builder.expressionMap.mainAlias!.metadata;
  const driver = builder.connection.driver;
  const { columns } = rowsOf(metadata);
  return rows.map((row) => {
    const entity = metadata.create() as E;
    for (const [key, column] of columns) {
      if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  });
}

/**
 * Applies a parsed list query to a query builder (alias `e`) and returns the page with its exact
 * total. `q` is a case-insensitive substring search over the spec's search properties.
 *
 * A builder without joins (every plain resource) takes one statement for page and total (see
 * listStatement), a named prepared statement on PostgreSQL, and its rows are mapped by mapRows; a page
 * past the end, which has no row to carry the total, counts separately. A builder with joins is
 * hydrated by the ORM, page and count in parallel.
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
  const statement = statementFor(builder);
  const rows = statement
    ? await runPrepared<ObjectLiteral>(
        builder.connection,
        statement.name,
        statement.text,
        valuesOf(statement, builder.getParameters(), query),
      )
    : await builder.connection.query<ObjectLiteral[]>(...listStatement(builder, query));
  const total = rows.length
    ? (rows[0][TOTAL] as number)
    : query.offset === 0
      ? 0
      : await builder.clone().orderBy().getCount();
  const { types } = rowsOf(builder.expressionMap.mainAlias!.metadata);
  return new ListResult(resource, mapRows(builder, rows), query.offset, total, types);
}
