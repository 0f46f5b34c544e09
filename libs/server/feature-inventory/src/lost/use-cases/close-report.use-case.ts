import { Injectable } from '@nestjs/common';
import type { LostReportDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { Actor } from '@fleet/server/platform';
import { closedConflict, conflict, FOLLOW_UP_KEYS, FOLLOW_UPS } from '../lost-report.mapper';
import { LostReportStore } from '../lost-report.store';

/** Closes a report once every follow-up is done (or the device was found). */
@Injectable()
export class CloseReportUseCase {
  constructor(
    private readonly store: LostReportStore,
    private readonly clock: Clock,
  ) {}

  execute(id: number, actor: Actor): Promise<LostReportDto> {
    return this.store.change(id, actor, (_manager, report) => {
      if (report.closedAt) throw closedConflict(report);
      const pending = FOLLOW_UP_KEYS.filter((key) => !report[FOLLOW_UPS[key].at]).map(
        (key) => FOLLOW_UPS[key].name,
      );
      if (pending.length) {
        throw conflict(
          `报失记录 ${id} 还有未完成的后续事项：${pending.map((p) => p.zh).join('、')}`,
          `Report ${id} still has follow-ups to do: ${pending.map((p) => p.en).join(', ')}`,
        );
      }
      report.closedAt = this.clock.now();
      return Promise.resolve();
    });
  }
}
