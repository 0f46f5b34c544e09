import build from 'fast-json-stringify';
import type { ListColumnTypes, ListResult } from './list-result';

/** A page's items written from a schema; `keys` are the items' own keys in order. */
interface SchemaSerializer {
  keys: string[];
  types: (ListColumnTypes[string] | null)[];
  serialize: (items: unknown[]) => string;
}

/** Serializers by the column types of a list's entity and the keys of its wire form. */
const serializers = new WeakMap<ListColumnTypes, Map<string, SchemaSerializer | null>>();

/**
 * The schema of a wire form: its keys in their order, a key that names a column of a sure type typed
 * as that type or null (fast-json-stringify checks the value against it and throws when it does not
 * match), any other key written by JSON.stringify. Null when no key is typed: nothing to gain.
 */
function compile(columnTypes: ListColumnTypes, keys: string[]): SchemaSerializer | null {
  const types = keys.map((key) => (Object.hasOwn(columnTypes, key) ? columnTypes[key] : null));
  if (!types.some(Boolean)) return null;
  const properties = Object.fromEntries(
    keys.map((key, i) => [key, types[i] ? { type: [types[i], 'null'] } : {}]),
  );
  const serialize = build({
    type: 'array',
    items: { type: 'object', properties, additionalProperties: false },
  });
  return { keys, types, serialize };
}

/**
 * Whether every item is written by the schema exactly as JSON.stringify writes it: a plain object (no
 * toJSON) with the same keys in the same order, no function or symbol value (JSON.stringify leaves
 * those out), and no object but a Date where the schema says string (the schema would write its
 * toString()). Numbers, booleans and strings of the wrong type make the serializer throw.
 */
function fits(serializer: SchemaSerializer, items: unknown[]): boolean {
  const { keys, types } = serializer;
  for (const item of items) {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { toJSON?: unknown }).toJSON === 'function'
    )
      return false;
    const own = Object.keys(item);
    if (own.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i += 1) {
      if (own[i] !== keys[i]) return false;
      const value = (item as Record<string, unknown>)[keys[i]];
      const kind = typeof value;
      if (kind === 'function' || kind === 'symbol') return false;
      if (types[i] === 'string' && kind === 'object' && value !== null && !(value instanceof Date))
        return false;
    }
  }
  return true;
}

/**
 * A list's items as JSON, written from a schema built once per wire form (fast-json-stringify) when
 * findList gave the column types, else by JSON.stringify. The text is the same either way: a page the
 * schema cannot write exactly (see fits) or that it refuses is written by JSON.stringify.
 */
export function serializeListItems(result: ListResult<unknown>): string {
  const { items, columnTypes } = result;
  const first = items[0];
  if (!columnTypes || typeof first !== 'object' || first === null || Array.isArray(first))
    return JSON.stringify(items);
  let byKeys = serializers.get(columnTypes);
  if (!byKeys) serializers.set(columnTypes, (byKeys = new Map<string, SchemaSerializer | null>()));
  const keys = Object.keys(first);
  const signature = keys.join('\n');
  let serializer = byKeys.get(signature);
  if (serializer === undefined) byKeys.set(signature, (serializer = compile(columnTypes, keys)));
  if (!serializer || !fits(serializer, items)) return JSON.stringify(items);
  try {
    return serializer.serialize(items);
  } catch {
    return JSON.stringify(items);
  }
}
