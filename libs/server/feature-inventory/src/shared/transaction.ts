import { ApiException, type LocalizedText } from '@fleet/server/platform';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

const PG_EXCLUSION_VIOLATION = '23P01';

export interface ConstraintConflict {
  text: LocalizedText;
  field?: string;
}

/**
 * Runs custody work in one transaction. The database's unique indexes and exclusion constraints are
 * the last word on overlapping history (two admins at once, back-dated events); a violation the
 * checks before the write could not see still answers a 409 that says what collided.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  conflicts: Readonly<Record<string, ConstraintConflict>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (!(error instanceof QueryFailedError)) throw error;
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    const known = constraint ? conflicts[constraint] : undefined;
    if (known) throw ApiException.conflict(known.text, known.field);
    if (code === PG_EXCLUSION_VIOLATION) {
      throw ApiException.conflict({
        zh: '与已有的历史记录时间重叠',
        en: 'Overlaps the existing history',
      });
    }
    throw error;
  }
}
