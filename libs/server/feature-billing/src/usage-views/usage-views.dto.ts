import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AllowanceUse, Category } from '@fleet/domain/billing';
import { IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../rules/billing-rules.dto';

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'YYYY-MM; defaults to the current month (UTC+8)' })
  @IsOptional()
  @Matches(PERIOD_PATTERN)
  period?: string;
}

/** An officer's own month: each SIM in the device(s) they hold now, per category against allowance. */
export interface MyUsageDto {
  period: string;
  sims: {
    simId: number;
    msisdn: string;
    deviceId: number;
    slot: number | null;
    /** False when the plan does not cover the month (usage then is not billed as overage). */
    inPlan: boolean;
    categories: AllowanceUse[];
  }[];
}

/** Where a month's overage figures come from: its latest close, computed now from usage, or none. */
export type OverageSource = 'closed' | 'computed' | null;

export interface UsageDashboardDto {
  period: string;
  closed: boolean;
  sims: { inPlan: number; withUsage: number; outOfPlan: number };
  /** The fleet's usage against the summed allowance of the SIMs in plan. */
  categories: {
    category: Category;
    used: number;
    allowance: number;
    remaining: number;
    /** SIMs whose own use exceeds their own allowance in the category. */
    simsOver: number;
  }[];
  top: { simId: number; msisdn: string; amountFen: number }[];
  topSource: OverageSource;
  /** The 12 months ending with `period`; null where a month is not closed and has no usage (or no rules). */
  trend: { period: string; overageFen: number | null; source: OverageSource }[];
}
