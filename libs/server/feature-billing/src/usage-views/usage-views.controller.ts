import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock } from '@fleet/server/config';
import { type Actor, CurrentActor, Roles } from '@fleet/server/platform';
import {
  type DataMonthsDto,
  type MyUsageDto,
  type MyUsageHistoryDto,
  PeriodQuery,
  type UsageDashboardDto,
} from './usage-views.dto';
import { UsageViewsService } from './usage-views.service';

/** An officer's own usage this month and the year before it (officers only: staff read the fleet on the dashboard). */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyUsageController {
  constructor(
    private readonly views: UsageViewsService,
    private readonly clock: Clock,
  ) {}

  @Get('usage')
  @Roles('officer')
  usage(@Query() query: PeriodQuery, @CurrentActor() actor: Actor): Promise<MyUsageDto> {
    return this.views.mine(actor, query.period, this.clock.now());
  }

  /** The 12 months ending with `period` (default: this month), summed over the officer's own SIMs. */
  @Get('usage/history')
  @Roles('officer')
  history(@Query() query: PeriodQuery, @CurrentActor() actor: Actor): Promise<MyUsageHistoryDto> {
    return this.views.mineHistory(actor, query.period, this.clock.now());
  }
}

/** The fleet's usage, top overages and the overage trend. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class UsageDashboardController {
  constructor(
    private readonly views: UsageViewsService,
    private readonly clock: Clock,
  ) {}

  /** Months with usage or a billing record, newest first: the dashboard's and the close's month pickers. */
  @Get('months')
  @Roles('admin', 'auditor')
  months(): Promise<DataMonthsDto> {
    return this.views.months();
  }

  /** Without `period`, the latest month with data. */
  @Get('usage')
  @Roles('admin', 'auditor')
  usage(@Query() query: PeriodQuery): Promise<UsageDashboardDto> {
    return this.views.dashboard(query.period, this.clock.now());
  }
}
