import { chinaDateOf } from '@fleet/domain/inventory';
import { ApiException } from '@fleet/server/platform';

/**
 * When a custody event happened: `at` when given (a late entry of a past handover), otherwise now.
 * Never in the future, and never before the device arrived at the bureau.
 */
export function eventMoment(at: string | undefined, now: Date, receivedOn: string): Date {
  const moment = at ? new Date(at) : now;
  if (moment.getTime() > now.getTime()) {
    throw ApiException.badRequest([
      { field: 'at', reason: { zh: '时间不能晚于当前时间', en: 'The moment cannot be in the future' } },
    ]);
  }
  if (chinaDateOf(moment) < receivedOn) {
    throw ApiException.badRequest([
      {
        field: 'at',
        reason: {
          zh: `时间不能早于终端收货日期 ${receivedOn}`,
          en: `The moment cannot be before the device was received (${receivedOn})`,
        },
      },
    ]);
  }
  return moment;
}

/** An interval's end must come after its start (start inclusive, end exclusive). */
export function requireAfter(end: Date, start: Date, what: { zh: string; en: string }): void {
  if (end.getTime() <= start.getTime()) {
    throw ApiException.badRequest([
      {
        field: 'at',
        reason: {
          zh: `时间应晚于${what.zh}（${start.toISOString()}）`,
          en: `The moment must be after ${what.en} (${start.toISOString()})`,
        },
      },
    ]);
  }
}
