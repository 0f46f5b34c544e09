import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../rules/billing-rules.dto';
import type {
  MyUsageDto,
  MyUsageHistoryDto,
  OverageSource,
  UsageDashboardDto,
} from '@fleet/shared/contracts';

export type { MyUsageDto, MyUsageHistoryDto, OverageSource, UsageDashboardDto };

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'YYYY-MM; defaults to the current month (UTC+8)' })
  @IsOptional()
  @Matches(PERIOD_PATTERN)
  period?: string;
}
