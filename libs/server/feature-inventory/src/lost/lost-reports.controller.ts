import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LostReportDto } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, ReadController, Roles } from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { AtBody, ReportLostBody } from './lost-report.dto';
import { LOST_REPORT_LIST, LostReportsService } from './lost-reports.service';
import { LostReportFlow, ReportLostUseCase } from './use-cases/lost-report-flow';

/** Reporting a device lost: an action on the device, so under its path. */
@ApiTags('lost-reports')
@ApiBearerAuth()
@Controller('devices')
export class DeviceLostController {
  constructor(private readonly reportLost: ReportLostUseCase) {}

  @Post(':id/report-lost')
  @Roles('admin', 'officer')
  report(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ReportLostBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.reportLost.execute(id, body, actor);
  }
}

@ApiTags('lost-reports')
@ApiBearerAuth()
@Controller('lost-reports')
export class LostReportsController extends ReadController<LostReportDto>({
  spec: LOST_REPORT_LIST,
  readRoles: STAFF,
}) {
  constructor(
    reports: LostReportsService,
    private readonly flow: LostReportFlow,
  ) {
    super(reports);
  }

  @Post(':id/confirm')
  @Roles('admin')
  @HttpCode(200)
  confirm(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<LostReportDto> {
    return this.flow.confirm.execute(id, actor);
  }

  @Post(':id/follow-ups/sim-suspend')
  @Roles('admin')
  @HttpCode(200)
  simSuspend(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.flow.followUp.execute(id, 'sim_suspend', body, actor);
  }

  @Post(':id/follow-ups/wipe')
  @Roles('admin')
  @HttpCode(200)
  wipe(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.flow.followUp.execute(id, 'wipe', body, actor);
  }

  @Post(':id/found')
  @Roles('admin')
  @HttpCode(200)
  found(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AtBody,
    @CurrentActor() actor: Actor,
  ): Promise<LostReportDto> {
    return this.flow.found.execute(id, body, actor);
  }

  @Post(':id/close')
  @Roles('admin')
  @HttpCode(200)
  close(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<LostReportDto> {
    return this.flow.close.execute(id, actor);
  }
}
