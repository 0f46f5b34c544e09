import type { LostFollowUpKey, LostReportDto } from '@fleet/shared/contracts';
import type { LostReportEntity } from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';

/** Where each follow-up is recorded on the report. */
export const FOLLOW_UPS = {
  sim_suspend: {
    at: 'simSuspendRequestedAt',
    by: 'simSuspendRequestedByUserId',
    name: { zh: '通知运营商停机', en: 'asking the carrier to suspend the SIM' },
  },
  wipe: {
    at: 'wipeRequestedAt',
    by: 'wipeRequestedByUserId',
    name: { zh: '远程擦除工作域', en: 'wiping the work space' },
  },
} as const satisfies Record<LostFollowUpKey, unknown>;
export const FOLLOW_UP_KEYS = Object.keys(FOLLOW_UPS) as LostFollowUpKey[];

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;

export function toLostReportDto(r: LostReportEntity): LostReportDto {
  return {
    id: r.id,
    deviceId: r.deviceId,
    kind: r.kind,
    reportedAt: r.reportedAt.toISOString(),
    reportedByOfficerId: r.reportedByOfficerId,
    policeCaseNo: r.policeCaseNo,
    circumstances: r.circumstances,
    confirmedAt: iso(r.confirmedAt),
    simSuspendRequestedAt: iso(r.simSuspendRequestedAt),
    wipeRequestedAt: iso(r.wipeRequestedAt),
    foundAt: iso(r.foundAt),
    closedAt: iso(r.closedAt),
    followUps: FOLLOW_UP_KEYS.map((key) => ({
      key,
      doneAt: iso(r[FOLLOW_UPS[key].at]),
      doneByUserId: r[FOLLOW_UPS[key].by],
    })),
  };
}

export const conflict = (zh: string, en: string) => ApiException.conflict({ zh, en });

export function closedConflict(report: LostReportEntity): ApiException {
  return conflict(
    `报失记录 ${report.id} 已于 ${report.closedAt?.toISOString()} 关闭`,
    `Report ${report.id} was closed at ${report.closedAt?.toISOString()}`,
  );
}
