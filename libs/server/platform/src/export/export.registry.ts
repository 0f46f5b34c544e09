import { Injectable } from '@nestjs/common';
import type { Role } from '@fleet/shared/contracts';
import type { Actor } from '../auth/access.decorators';
import type { LocalizedText } from '../i18n/lang';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

export interface ExportColumn<T> {
  key: string;
  header: LocalizedText;
  /** The cell's value; by default the row's property named `key`. */
  value?: (row: T) => unknown;
}

/**
 * A resource that `GET /api/exports/<resource>` can download: who may, how its list is sorted and
 * filtered (the same ListSpec as its list route), its columns, and how to fetch a page of rows for a
 * caller. `fetch` must apply the same visibility rules as the resource's list (an officer sees only
 * their own records).
 */
export interface ExportDefinition<T> {
  resource: string;
  roles: readonly Role[];
  spec: ListSpec;
  columns: readonly ExportColumn<T>[];
  fetch(query: ListQuery, actor: Actor): Promise<ListResult<T>>;
}

/** The exportable resources; feature modules register theirs when the app starts. */
@Injectable()
export class ExportRegistry {
  private readonly definitions = new Map<string, ExportDefinition<unknown>>();

  register<T>(definition: ExportDefinition<T>): void {
    if (this.definitions.has(definition.resource)) {
      throw new Error(`export of ${definition.resource} registered twice`);
    }
    this.definitions.set(definition.resource, definition as unknown as ExportDefinition<unknown>);
  }

  find(resource: string): ExportDefinition<unknown> | undefined {
    return this.definitions.get(resource);
  }

  resources(): string[] {
    return [...this.definitions.keys()].sort();
  }
}
