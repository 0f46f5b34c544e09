import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { ExportLookup } from './export.registry';

/** A lookup over an entity with a numeric `id`: the rows asked for, in one query, named by `nameOf`. */
export function entityNames<E extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  nameOf: (row: E) => string,
): ExportLookup {
  return async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return new Map(rows.map((row) => [row.id, nameOf(row)]));
  };
}
