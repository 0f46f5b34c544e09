import { Injectable } from '@nestjs/common';
import type { LostFollowUpKey, LostReportDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { Actor } from '@fleet/server/platform';
import type { AtBody } from '../lost-report.dto';
import { closedConflict, conflict, FOLLOW_UPS } from '../lost-report.mapper';
import { LostReportStore } from '../lost-report.store';

/** Records a follow-up of the report (the carrier asked to suspend the SIM, the work space wiped). */
@Injectable()
export class FollowUpUseCase {
  constructor(
    private readonly store: LostReportStore,
    private readonly clock: Clock,
  ) {}

  execute(id: number, key: LostFollowUpKey, body: AtBody, actor: Actor): Promise<LostReportDto> {
    return this.store.change(id, actor, (_manager, report) => {
      if (report.closedAt) throw closedConflict(report);
      const { at, by, name } = FOLLOW_UPS[key];
      const doneAt = report[at];
      if (doneAt) {
        throw conflict(
          `报失记录 ${id} 的「${name.zh}」已于 ${doneAt.toISOString()} 完成`,
          `Report ${id}: ${name.en} was already done at ${doneAt.toISOString()}`,
        );
      }
      report[at] = body.at ? new Date(body.at) : this.clock.now();
      report[by] = actor.userId;
      return Promise.resolve();
    });
  }
}
