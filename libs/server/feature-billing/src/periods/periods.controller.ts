import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@fleet/server/platform';
import { type BillCheckDto, type CloseResultDto, type PeriodDto, PeriodsService } from './periods.service';

/** Billing months: admins close them (issuing statements); admins and auditors read them. */
@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @Roles('admin', 'auditor')
  list(): Promise<PeriodDto[]> {
    return this.periods.list();
  }

  @Get(':period')
  @Roles('admin', 'auditor')
  get(@Param('period') period: string): Promise<PeriodDto> {
    return this.periods.get(period);
  }

  @Get(':period/bill-check')
  @Roles('admin', 'auditor')
  billCheck(@Param('period') period: string): Promise<BillCheckDto[]> {
    return this.periods.billCheck(period);
  }

  @Post(':period/close')
  @HttpCode(200)
  @Roles('admin')
  close(@Param('period') period: string, @CurrentActor() actor: Actor): Promise<CloseResultDto> {
    return this.periods.close(period, actor, new Date());
  }
}
