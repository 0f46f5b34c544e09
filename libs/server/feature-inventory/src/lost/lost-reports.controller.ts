import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LostReportDto } from '@fleet/shared/contracts';
import {
  type Actor,
  ApiList,
  CurrentActor,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import { AtBody, ReportLostBody } from './lost-report.dto';
import { LOST_REPORT_LIST, LostReportsService } from './lost-reports.service';

@ApiTags('lost-reports')
@ApiBearerAuth()
@Controller()
export class LostReportsController {
  constructor(private readonly reports: LostReportsService) {}

  @Get('lost-reports')
  @Roles('admin', 'repair_intake', 'auditor')
  @ApiList(LOST_REPORT_LIST)
  list(@ListParams(LOST_REPORT_LIST) query: ListQuery): Promise<ListResult<LostReportDto>> {
    return this.reports.list(query);
  }

  @Get('lost-reports/:id')
  @Roles('admin', 'repair_intake', 'auditor')
  get(@Param('id', ParseIntPipe) id: number): Promise<LostReportDto> {
    return this.reports.get(id);
  }

  @Post('devices/:id/report-lost')
  @Roles('admin', 'officer')
  report(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ReportLostBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.reports.report(id, body, actor);
  }

  @Post('lost-reports/:id/confirm')
  @Roles('admin')
  @HttpCode(200)
  confirm(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<LostReportDto> {
    return this.reports.confirm(id, actor);
  }

  @Post('lost-reports/:id/follow-ups/sim-suspend')
  @Roles('admin')
  @HttpCode(200)
  simSuspend(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.reports.followUp(id, 'sim_suspend', body, actor);
  }

  @Post('lost-reports/:id/follow-ups/wipe')
  @Roles('admin')
  @HttpCode(200)
  wipe(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.reports.followUp(id, 'wipe', body, actor);
  }

  @Post('lost-reports/:id/found')
  @Roles('admin')
  @HttpCode(200)
  found(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.reports.found(id, body, actor);
  }

  @Post('lost-reports/:id/close')
  @Roles('admin')
  @HttpCode(200)
  close(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<LostReportDto> {
    return this.reports.close(id, actor);
  }
}
