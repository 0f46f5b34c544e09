import { chinaDateOf } from '@fleet/domain/inventory';

/** The billing month (YYYY-MM, China Standard Time) a repair closed at `closedAt` is charged to. */
export function repairChargePeriod(closedAt: Date): string {
  return chinaDateOf(closedAt).slice(0, 7);
}

/** 维修单号: WX-<year reported, China time>-<id, six digits>, e.g. WX-2026-000123. */
export function repairTicketNo(id: number, reportedAt: Date): string {
  return `WX-${chinaDateOf(reportedAt).slice(0, 4)}-${String(id).padStart(6, '0')}`;
}
