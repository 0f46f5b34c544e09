/** A page of a list and the total it is taken from; the interceptor turns it into Content-Range. */
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly offset: number,
    readonly total: number,
  ) {}

  map<U>(fn: (item: T) => U): ListResult<U> {
    return new ListResult(this.resource, this.items.map(fn), this.offset, this.total);
  }

  // `officers 0-24/61`; an empty page is `officers */61` (RFC 7233).
  get contentRange(): string {
    if (!this.items.length) return `${this.resource} */${this.total}`;
    return `${this.resource} ${this.offset}-${this.offset + this.items.length - 1}/${this.total}`;
  }
}
