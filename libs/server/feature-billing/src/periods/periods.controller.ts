import { Controller, Get, Headers, HttpCode, Param, Post, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  ApiList,
  CurrentActor,
  langFromHeader,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import type { SlaCreditTotalDto } from '@fleet/shared/contracts';
import { SlaCreditsService } from '@fleet/server/feature-contract';
import { StatementsWorkbookService } from '../statements/statements-workbook.service';
import {
  type BillCheckDto,
  type ClosePreviewDto,
  type CloseResultDto,
  PERIOD_LIST,
  type PeriodDto,
  PeriodsService,
} from './periods.service';
import { Clock } from '@fleet/server/config';

/** Billing months: admins close them (issuing statements); admins and auditors read them. */
@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(
    private readonly periods: PeriodsService,
    private readonly workbooks: StatementsWorkbookService,
    private readonly clock: Clock,
    private readonly credits: SlaCreditsService,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiList(PERIOD_LIST)
  list(@ListParams(PERIOD_LIST) query: ListQuery): Promise<ListResult<PeriodDto>> {
    return this.periods.list(query);
  }

  /** `:period` is YYYY-MM or the month's numeric id. */
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

  /** The month's SLA credits in total (clause 6.3), which the carrier's bill should deduct. */
  @Get(':period/bill-check/sla-credits')
  @Roles('admin', 'auditor')
  slaCredits(@Param('period') period: string): Promise<SlaCreditTotalDto> {
    return this.credits.total(period);
  }

  /** Every statement in force for the month, for finance: lines and each holder's total. */
  @Get(':period/statements.xlsx')
  @Roles('admin', 'auditor')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  statements(
    @Param('period') period: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<StreamableFile> {
    return this.workbooks.workbook(period, langFromHeader(acceptLanguage));
  }

  /** What closing the month would issue now, computed as the close does, nothing written. */
  @Get(':period/close-preview')
  @Roles('admin', 'auditor')
  preview(@Param('period') period: string): Promise<ClosePreviewDto> {
    return this.periods.preview(period);
  }

  @Post(':period/close')
  @HttpCode(200)
  @Roles('admin')
  close(@Param('period') period: string, @CurrentActor() actor: Actor): Promise<CloseResultDto> {
    return this.periods.close(period, actor, this.clock.now());
  }
}
