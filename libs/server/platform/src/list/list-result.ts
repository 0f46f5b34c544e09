/**
 * The JSON type of the properties of a list's rows whose type is sure (the entity's columns): what
 * the list's response schema is built from. A property not named here is written by JSON.stringify.
 */
export type ListColumnTypes = Readonly<Record<string, 'integer' | 'string' | 'boolean'>>;

/**
 * A page of a list and the total it is taken from; the Content-Range hook sends it (listSerializer).
 * `columnTypes` come from findList and are kept by map: a wire form that keeps a column's name and
 * value is written from a schema.
 */
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly offset: number,
    readonly total: number,
    readonly columnTypes?: ListColumnTypes,
  ) {}

  map<U>(fn: (item: T) => U): ListResult<U> {
    return new ListResult(this.resource, this.items.map(fn), this.offset, this.total, this.columnTypes);
  }

  // `officers 0-24/61`; an empty page is `officers */61` (RFC 7233).
  get contentRange(): string {
    if (!this.items.length) return `${this.resource} */${this.total}`;
    return `${this.resource} ${this.offset}-${this.offset + this.items.length - 1}/${this.total}`;
  }
}
