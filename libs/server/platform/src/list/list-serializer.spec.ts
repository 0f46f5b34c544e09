import { ListResult } from './list-result';
import { serializeListItems } from './list-serializer';

const types = { id: 'integer', name: 'string', at: 'string', active: 'boolean' } as const;
const page = (items: unknown[], columnTypes: typeof types | undefined = types) =>
  new ListResult('things', items, 0, items.length, columnTypes);

describe('serializeListItems', () => {
  it('writes a page from its schema, the same text as JSON.stringify', () => {
    const items = [
      {
        id: 1,
        name: 'a"b\\c 张伟\u2028',
        at: new Date(0),
        active: true,
        extra: { x: [1, null] },
        day: '2026-12-06',
      },
      { id: 2, name: null, at: null, active: null, extra: null, day: '2026-12-07' },
      { id: 3, name: 'x'.repeat(60), at: '2026-12-06', active: false, extra: undefined, day: null },
    ];
    const stringify = jest.spyOn(JSON, 'stringify');
    const text = serializeListItems(page(items));
    // The schema path: JSON.stringify only for the untyped values, never for the page.
    expect(stringify).not.toHaveBeenCalledWith(items);
    stringify.mockRestore();
    expect(text).toBe(JSON.stringify(items));
  });

  it('falls back to JSON.stringify, with the same text, where a schema would write otherwise', () => {
    const cases: unknown[][] = [
      [{ id: '1', name: 'a' }], // a string where the column is a whole number
      [{ id: 1.5, name: 'a' }],
      [{ id: 1, name: 5 }],
      [{ id: 1, name: ['a', 'b'] }], // an array where the column is text: the schema would write "a,b"
      [{ id: 1, name: 'a', fn: () => 1 }],
      [
        { id: 1, name: 'a' },
        { name: 'b', id: 2 },
      ], // another key order
      [{ id: 1, name: 'a' }, { id: 2 }],
      [{ id: 1, name: 'a', toJSON: () => 'x' }],
      [{ id: 1, at: new Date(Number.NaN) }],
      [{ id: 1, active: 'yes' }],
    ];
    for (const items of cases) expect(serializeListItems(page(items))).toBe(JSON.stringify(items));
  });

  it('uses JSON.stringify for lists without column types and for empty pages', () => {
    expect(serializeListItems(page([{ id: 1 }], undefined))).toBe('[{"id":1}]');
    expect(serializeListItems(page([]))).toBe('[]');
    expect(serializeListItems(page([{ other: 1 }]))).toBe('[{"other":1}]');
  });
});
