import { inputFaultException } from '../edge/edge-errors';
import { findInputFault, INT32_MAX, INT32_MIN, parseId } from '../edge/input-hygiene';
import { ApiException } from '../errors/api.exception';

export type FilterType = 'int' | 'string' | 'boolean' | 'moment';
export type FilterOp = 'eq' | 'gte' | 'lte';

export interface FilterSpec {
  /** The entity property the filter compares. */
  property: string;
  type: FilterType;
  op?: FilterOp;
}

/** What a resource's list accepts: sortable properties, named filters and the properties `q` searches. */
export interface ListSpec {
  resource: string;
  sortable: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  filters: Readonly<Record<string, FilterSpec>>;
  search?: readonly string[];
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  offset: number;
  limit: number;
  filters: { spec: FilterSpec; value: unknown }[];
  ids: number[] | null;
  q: string | null;
}

export const MAX_PAGE = 500;

const bad = (field: 'sort' | 'range' | 'filter', zh: string, en: string) =>
  ApiException.badRequest([{ field, reason: { zh, en } }]);

function parseJson(raw: string | undefined, field: 'sort' | 'range' | 'filter'): unknown {
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw bad(field, `${field} 不是有效的 JSON`, `${field} is not valid JSON`);
  }
  // Escapes in the JSON text (\u0000, \ud800, 1e400) only show once it is parsed.
  const fault = findInputFault(value, field);
  if (fault) throw inputFaultException(fault);
  return value;
}

/** A whole number within int32, as a number or canonical decimal text. */
function int32(value: unknown): number | null {
  const n = typeof value === 'string' && /^-?(0|[1-9]\d{0,9})$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX ? n : null;
}

function coerce(spec: FilterSpec, key: string, value: unknown): unknown {
  const ok = (() => {
    switch (spec.type) {
      case 'int':
        return Array.isArray(value) ? value.every((v) => int32(v) !== null) : int32(value) !== null;
      case 'string':
        return (
          typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        );
      case 'boolean':
        return typeof value === 'boolean';
      case 'moment':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    }
  })();
  if (!ok) throw bad('filter', `筛选条件 ${key} 的值无效`, `filter ${key} has an invalid value`);
  if (spec.type === 'int') return Array.isArray(value) ? value.map(int32) : int32(value);
  return value;
}

/**
 * Parses react-admin's simple REST list parameters (api.md): sort=["f","ASC"], range=[0,24],
 * filter={...}. Anything it does not know is refused with the parameter named, never ignored.
 */
export function parseListQuery(spec: ListSpec, raw: Record<string, string | undefined>): ListQuery {
  const sortRaw = parseJson(raw.sort, 'sort') ?? spec.defaultSort;
  if (
    !Array.isArray(sortRaw) ||
    typeof sortRaw[0] !== 'string' ||
    !spec.sortable.includes(sortRaw[0]) ||
    !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())
  ) {
    throw bad(
      'sort',
      `不能按该字段排序：${JSON.stringify(sortRaw)}`,
      `cannot sort by ${JSON.stringify(sortRaw)}`,
    );
  }

  const rangeRaw = parseJson(raw.range, 'range') ?? [0, 24];
  if (
    !Array.isArray(rangeRaw) ||
    rangeRaw.length !== 2 ||
    !rangeRaw.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= INT32_MAX) ||
    (rangeRaw[1] as number) < (rangeRaw[0] as number) ||
    (rangeRaw[1] as number) - (rangeRaw[0] as number) >= MAX_PAGE
  ) {
    throw bad(
      'range',
      `分页范围无效（每页最多 ${MAX_PAGE} 条）`,
      `range must be [from, to] with at most ${MAX_PAGE} rows`,
    );
  }
  const [from, to] = rangeRaw as [number, number];

  const filterRaw = parseJson(raw.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw bad('filter', '筛选条件应为对象', 'filter must be an object');
  }
  let ids: number[] | null = null;
  let q: string | null = null;
  const filters: ListQuery['filters'] = [];
  for (const [key, value] of Object.entries(filterRaw as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'id') {
      const list: unknown[] = Array.isArray(value) ? value : [value];
      if (list.length > MAX_PAGE || !list.every((v) => parseId(v) !== null))
        throw bad(
          'filter',
          `筛选条件 id 应为 1 到 ${INT32_MAX} 的整数`,
          `filter id must be whole numbers from 1 to ${INT32_MAX}`,
        );
      ids = list.map((v) => parseId(v)!);
    } else if (key === 'q' && spec.search) {
      if (typeof value !== 'string') throw bad('filter', '搜索内容应为文本', 'q must be text');
      q = value.trim() || null;
    } else if (spec.filters[key]) {
      filters.push({ spec: spec.filters[key], value: coerce(spec.filters[key], key, value) });
    } else {
      throw bad('filter', `不支持的筛选条件：${key}`, `unknown filter: ${key}`);
    }
  }
  return {
    sort: [sortRaw[0], String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'],
    offset: from,
    limit: to - from + 1,
    filters,
    ids,
    q,
  };
}
