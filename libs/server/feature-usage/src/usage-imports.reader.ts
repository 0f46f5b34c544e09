import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A month's latest succeeded usage import after a given moment. */
export interface LatestImport {
  period: string;
  importId: number;
  /** Who uploaded it, or null when nobody known did. */
  createdByUserId: number | null;
}

/** Usage's imports (`usage_imports`) as other features read them: billing's check for stale months. */
@Injectable()
export class UsageImportsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For each month given with a moment (a timestamptz as PostgreSQL writes it, so no precision is lost
   * on the way), its latest usage import that succeeded after that moment; months without one are left
   * out. One statement for all the months.
   */
  async latestSucceededAfter(
    months: readonly { period: string; after: string }[],
    manager?: EntityManager,
  ): Promise<LatestImport[]> {
    if (!months.length) return [];
    const rows: { period: string; import_id: number; created_by_user_id: number | null }[] = await (
      manager ?? this.dataSource.manager
    ).query(
      `SELECT DISTINCT ON (i.period) i.period, i.id AS import_id, i.created_by_user_id
         FROM unnest($1::char(7)[], $2::timestamptz[]) AS m(period, after)
         JOIN usage_imports i ON i.period = m.period AND i.status = 'succeeded' AND i.finished_at > m.after
        ORDER BY i.period, i.finished_at DESC`,
      [months.map((m) => m.period), months.map((m) => m.after)],
    );
    return rows.map((r) => ({
      period: r.period,
      importId: r.import_id,
      createdByUserId: r.created_by_user_id,
    }));
  }
}
