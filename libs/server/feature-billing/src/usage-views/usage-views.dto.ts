import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../rules/billing-rules.dto';
import type {
  DataMonthsDto,
  MyUsageDto,
  MyUsageHistoryDto,
  OverageSource,
  UsageDashboardDto,
} from '@fleet/shared/contracts';

export type { DataMonthsDto, MyUsageDto, MyUsageHistoryDto, OverageSource, UsageDashboardDto };

export class PeriodQuery {
  @ApiPropertyOptional({
    example: '2026-01',
    description:
      'YYYY-MM; by default the current month (UTC+8) for /me/usage, the latest month with data for /dashboard/usage',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN)
  period?: string;
}
