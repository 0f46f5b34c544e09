import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@fleet/server/config';
import { UsageImportsReader } from '@fleet/server/feature-usage';
import { type Actor, UserNamesReader } from '@fleet/server/platform';
import type { CloseResultDto } from '@fleet/shared/contracts';
import { PeriodsStore, type StaleMonth } from '../periods.store';
import { ClosePeriodUseCase } from './close-period.use-case';

/**
 * A corrected import after a month was closed supersedes its data (§3.5): the month is closed again,
 * which issues amended statements where a charge changed (earlier versions kept). A month is stale when
 * a usage import of it succeeded after its latest close; the database says so, not a queue, so a
 * worker that died between the import and the re-close catches up when it starts again.
 */
@Injectable()
export class ReclosePeriodUseCase {
  private readonly logger = new Logger(ReclosePeriodUseCase.name);

  constructor(
    private readonly store: PeriodsStore,
    private readonly close: ClosePeriodUseCase,
    private readonly clock: Clock,
    private readonly imports: UsageImportsReader,
    private readonly users: UserNamesReader,
  ) {}

  /**
   * Closed months with a usage import that finished after their latest close (the latest such import),
   * by month, with the import's uploader (or, uploaded by nobody known, the first admin).
   */
  async stale(period?: string): Promise<StaleMonth[]> {
    const closed = await this.store.closedMonths(period);
    const imports = await this.imports.latestSucceededAfter(
      closed.map((c) => ({ period: c.period, after: c.closed_at })),
    );
    if (!imports.length) return [];
    const names = await this.users.usernames(imports.map((i) => i.createdByUserId));
    const admin = imports.some((i) => i.createdByUserId === null) ? await this.users.firstAdmin() : null;
    return imports
      .map((i): StaleMonth => {
        const uploader = i.createdByUserId;
        const user =
          uploader === null
            ? admin
            : names.has(uploader)
              ? { id: uploader, username: names.get(uploader)! }
              : null;
        return {
          period: i.period,
          import_id: i.importId,
          user_id: user?.id ?? null,
          username: user?.username ?? null,
        };
      })
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }

  /**
   * Closes the month again if it is stale; answers the close, or null when nothing changed since. The
   * close is recorded in the audit log as done by the user who uploaded the import that caused it.
   */
  async execute(period: string): Promise<CloseResultDto | null> {
    const [row] = await this.stale(period);
    if (!row?.user_id) return null;
    const actor: Actor = {
      userId: row.user_id,
      username: row.username ?? 'system',
      role: 'admin',
      officerId: null,
      ip: null,
    };
    const result = await this.close.execute(period, actor, this.clock.now());
    this.logger.log(
      `closed ${period} again after usage import ${row.import_id}: ${result.issued.length} amended statements`,
    );
    return result;
  }
}
