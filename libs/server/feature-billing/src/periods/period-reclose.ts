import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CloseResultDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { Actor } from '@fleet/server/platform';
import type { DataSource } from 'typeorm';
import { PeriodsService } from './periods.service';

interface StaleRow {
  period: string;
  import_id: number;
  user_id: number | null;
  username: string | null;
}

/**
 * A corrected import after a month was closed supersedes its data (§3.5): the month is closed again,
 * which issues amended statements where a charge changed (earlier versions kept). A month is stale when
 * a usage import of it succeeded after its latest close; the database says so, not a queue, so a
 * worker that died between the import and the re-close catches up when it starts again.
 */
@Injectable()
export class PeriodRecloser {
  private readonly logger = new Logger(PeriodRecloser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly clock: Clock,
  ) {}

  /** Closed months with a usage import that finished after their latest close (latest import first). */
  async stale(period?: string): Promise<StaleRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (p.period) p.period, i.id import_id, u.id user_id, u.username
         FROM billing_periods p
         JOIN usage_imports i ON i.period = p.period AND i.status = 'succeeded' AND i.finished_at > p.closed_at
         -- the uploader, or (uploaded by nobody known) the first admin
         LEFT JOIN LATERAL (
           SELECT id, username FROM users
            WHERE id = i.created_by_user_id OR (i.created_by_user_id IS NULL AND role = 'admin')
            ORDER BY id LIMIT 1
         ) u ON true
        WHERE p.status = 'closed' AND ($1::text IS NULL OR p.period = $1)
        ORDER BY p.period, i.finished_at DESC`,
      [period ?? null],
    );
  }

  /**
   * Closes the month again if it is stale; answers the close, or null when nothing changed since. The
   * close is recorded in the audit log as done by the user who uploaded the import that caused it.
   */
  async reclose(period: string): Promise<CloseResultDto | null> {
    const [row] = await this.stale(period);
    if (!row?.user_id) return null;
    const actor: Actor = {
      userId: row.user_id,
      username: row.username ?? 'system',
      role: 'admin',
      officerId: null,
      ip: null,
    };
    const result = await this.periods.close(period, actor, this.clock.now());
    this.logger.log(
      `closed ${period} again after usage import ${row.import_id}: ${result.issued.length} amended statements`,
    );
    return result;
  }
}
