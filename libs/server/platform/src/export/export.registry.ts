import { Injectable } from '@nestjs/common';
import type { LabelMap, Role } from '@fleet/shared/contracts';
import type { Actor } from '../auth/access.decorators';
import type { Lang, LocalizedText } from '../i18n/lang';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

/**
 * How a column's value is written: text as it is; a number; a calendar date (YYYY-MM-DD); a moment
 * (China time, YYYY-MM-DD HH:mm); money in fen written as yuan (a number, 2 decimals); a volume in KB
 * written in GB or MB (a number); a code written as its label; a yes/no; an id written as the name a
 * registered lookup gives it (an officer's "name (badge)", a unit's name).
 */
export type ExportColumnKind =
  'text' | 'number' | 'date' | 'moment' | 'money' | 'gb' | 'mb' | 'label' | 'yesNo' | 'ref';

export interface ExportColumn<T> {
  key: string;
  header: LocalizedText;
  /** The cell's value; by default the row's property named `key`. */
  value?: (row: T) => unknown;
  /** 'text' by default. */
  kind?: ExportColumnKind;
  /** The labels of a 'label' column's codes (from @fleet/shared/contracts, as the console shows them). */
  labels?: LabelMap<string | number>;
  /** The lookup that names a 'ref' column's ids (see ExportRegistry.registerLookup). */
  lookup?: string;
  /** Width in characters; by default from the header and the first rows. */
  width?: number;
}

/** Names of ids for a 'ref' column: only the ids asked for, in one query a page. */
export type ExportLookup = (ids: readonly number[]) => Promise<ReadonlyMap<number, string>>;

/** The lookups feature modules register for the records they own. */
export const EXPORT_LOOKUPS = {
  officers: 'officers',
  units: 'units',
  devices: 'devices',
  simCards: 'sim-cards',
  users: 'users',
} as const;

/**
 * An id column and, next to it, the record's name (an officer's "name (badge)"), read from a lookup.
 * `idHeader` names the id column, `header` the name column.
 */
export function referenceColumns<T>(
  key: string,
  lookup: string,
  header: LocalizedText,
  idHeader: LocalizedText,
  value?: (row: T) => number | null | undefined,
): ExportColumn<T>[] {
  return [
    { key, header: idHeader, kind: 'number', value },
    {
      key: `${key}:name`,
      header,
      kind: 'ref',
      lookup,
      value: value ?? ((row) => (row as Record<string, unknown>)[key]),
    },
  ];
}

/**
 * A resource that `GET /api/exports/<resource>` can download: who may (exactly the roles of its list),
 * the sheet's name, how its list is sorted and filtered (the same ListSpec as its list route), its
 * columns, and how to fetch a page of rows for a caller. `fetch` must apply the same visibility rules as
 * the resource's list (an officer sees only their own records).
 */
export interface ExportDefinition<T> {
  resource: string;
  /** The sheet's name (and what the rows are), in both languages. */
  title: LocalizedText;
  roles: readonly Role[];
  spec: ListSpec;
  columns: readonly ExportColumn<T>[];
  fetch(query: ListQuery, actor: Actor, lang: Lang): Promise<ListResult<T>>;
}

/** The exportable resources and the lookups that name ids; feature modules register theirs at start. */
@Injectable()
export class ExportRegistry {
  private readonly definitions = new Map<string, ExportDefinition<unknown>>();
  private readonly lookups = new Map<string, ExportLookup>();

  register<T>(definition: ExportDefinition<T>): void {
    if (this.definitions.has(definition.resource)) {
      throw new Error(`export of ${definition.resource} registered twice`);
    }
    this.definitions.set(definition.resource, definition as unknown as ExportDefinition<unknown>);
  }

  registerLookup(name: string, lookup: ExportLookup): void {
    if (this.lookups.has(name)) throw new Error(`export lookup ${name} registered twice`);
    this.lookups.set(name, lookup);
  }

  find(resource: string): ExportDefinition<unknown> | undefined {
    return this.definitions.get(resource);
  }

  lookup(name: string): ExportLookup {
    const lookup = this.lookups.get(name);
    if (!lookup) throw new Error(`export lookup ${name} is not registered`);
    return lookup;
  }

  resources(): string[] {
    return [...this.definitions.keys()].sort();
  }
}

/** An officer id and "name (badge)" next to it; `header` names the person's role ("领用警员"). */
export const officerColumns = <T>(key: string, header: LocalizedText, value?: (row: T) => number | null) =>
  referenceColumns<T>(
    key,
    EXPORT_LOOKUPS.officers,
    header,
    { zh: `${header.zh}编号`, en: `${header.en} id` },
    value,
  );

/** A device id and its model and IMEI 1 next to it. */
export const deviceColumns = <T>(key: string, value?: (row: T) => number | null) =>
  referenceColumns<T>(
    key,
    EXPORT_LOOKUPS.devices,
    { zh: '终端', en: 'device' },
    { zh: '终端编号', en: 'device id' },
    value,
  );

/** A unit id and the unit's name next to it. */
export const unitColumns = <T>(key: string) =>
  referenceColumns<T>(
    key,
    EXPORT_LOOKUPS.units,
    { zh: '单位', en: 'unit' },
    { zh: '单位编号', en: 'unit id' },
  );

/** A SIM card id and its number next to it. */
export const simColumns = <T>(key: string) =>
  referenceColumns<T>(
    key,
    EXPORT_LOOKUPS.simCards,
    { zh: '号码', en: 'number' },
    { zh: 'SIM 卡编号', en: 'SIM id' },
  );
