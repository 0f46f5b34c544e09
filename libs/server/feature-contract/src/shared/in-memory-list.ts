import { type ListQuery, ListResult } from '@fleet/server/platform';

/**
 * The react-admin list convention over rows computed in memory (a contract has a handful of installments;
 * credits are computed, not stored): the filters as equality, ids, sort and range, exact total.
 */
export function listInMemory<T extends { id: number | string }>(
  resource: string,
  rows: readonly T[],
  query: ListQuery,
): ListResult<T> {
  const get = (row: T, key: string) => (row as Record<string, unknown>)[key];
  const kept = rows.filter(
    (row) =>
      (query.ids === null || query.ids.includes(Number(row.id))) &&
      query.filters.every(({ spec, value }) =>
        Array.isArray(value) ? value.includes(get(row, spec.property)) : get(row, spec.property) === value,
      ),
  );
  const [key, direction] = query.sort;
  const sign = direction === 'ASC' ? 1 : -1;
  const sorted = [...kept].sort((a, b) => {
    const x = get(a, key) as string | number | null;
    const y = get(b, key) as string | number | null;
    if (x === y) return String(a.id) < String(b.id) ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
  return new ListResult(
    resource,
    sorted.slice(query.offset, query.offset + query.limit),
    query.offset,
    kept.length,
  );
}
