import { totalFen } from '@fleet/domain/billing';
import type { BillingPeriodEntity, StatementEntity } from '@fleet/server/persistence';
import { ApiException, type ListSpec } from '@fleet/server/platform';
import type { PeriodDto } from '@fleet/shared/contracts';
import { PERIOD_PATTERN } from '../rules/billing-rules.dto';

export const PERIOD_LIST: ListSpec = {
  resource: 'periods',
  sortable: ['id', 'period', 'status', 'version', 'closedAt'],
  defaultSort: ['period', 'DESC'],
  filters: {
    period: { property: 'period', type: 'string' },
    status: { property: 'status', type: 'string' },
  },
};

export function parsePeriod(period: string): string {
  if (!PERIOD_PATTERN.test(period)) {
    throw ApiException.badRequest([
      { field: 'period', reason: { zh: '月份应为 YYYY-MM', en: 'period must be YYYY-MM' } },
    ]);
  }
  return period;
}

/** A month with the totals of the statements in force (each holder's latest). */
export function periodDto(
  p: BillingPeriodEntity,
  current = new Map<number | null, StatementEntity>(),
): PeriodDto {
  const statements = [...current.values()];
  return {
    id: p.id,
    period: p.period,
    status: p.status,
    version: p.version,
    closedAt: p.closedAt?.toISOString() ?? null,
    officerTotalFen: totalFen(
      statements.filter((s) => s.officerId !== null).map((s) => ({ amountFen: s.totalFen })),
    ),
    bureauTotalFen: totalFen(
      statements.filter((s) => s.officerId === null).map((s) => ({ amountFen: s.totalFen })),
    ),
    statements: statements.length,
  };
}
