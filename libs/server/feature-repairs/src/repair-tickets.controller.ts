import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Req,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  DATA_ROLES,
  type OpenRepairsByAgeDto,
  type RepairEventDto,
  type RepairIntakeLookupDto,
  type RepairPhotoDto,
  type RepairSummaryRowDto,
  type RepairTicketDto,
  type RepeatedFaultDto,
} from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import {
  type Actor,
  CurrentActor,
  langFromHeader,
  PrintDocuments,
  PrintRoute,
  type PrintTarget,
  PrintTo,
  ReadController,
  Roles,
} from '@fleet/server/platform';
import type { FastifyRequest } from 'fastify';
import { OpenRepairsService } from './open-repairs.service';
import { RepairPhotosService } from './repair-photos.service';
import { RepairReportsService } from './repair-reports.service';
import {
  ApprovalBody,
  CancelBody,
  CloseBody,
  DiagnoseBody,
  IntakeBody,
  LiabilityOverrideBody,
  LoanerBody,
  LoanerReturnBody,
  RepeatedQuery,
  RepairReturnBody,
  SendBody,
  SummaryQuery,
  UpdateBody,
} from './repair-ticket.dto';
import { REPAIR_TICKET_LIST, RepairTicketsService } from './repair-tickets.service';
import { RepairFlow } from './use-cases/repair-flow';

/** Repair tickets (维修单): the list and one ticket for every role (an officer: their own), and the flow. */
@ApiTags('repair-tickets')
@ApiBearerAuth()
@Controller('repair-tickets')
export class RepairTicketsController extends ReadController<RepairTicketDto>({
  spec: REPAIR_TICKET_LIST,
  readRoles: DATA_ROLES,
}) {
  constructor(
    private readonly tickets: RepairTicketsService,
    private readonly photos: RepairPhotosService,
    private readonly clock: Clock,
    private readonly flow: RepairFlow,
    private readonly printer: PrintDocuments,
  ) {
    super(tickets);
  }

  @Get('intake-lookup/:imei')
  @Roles('admin', 'repair_intake')
  lookup(@Param('imei') imei: string): Promise<RepairIntakeLookupDto> {
    return this.tickets.intakeLookup(imei, this.clock.now());
  }

  @Post()
  @Roles('admin', 'repair_intake', 'officer')
  intake(@Body() body: IntakeBody, @CurrentActor() actor: Actor): Promise<RepairTicketDto> {
    return this.flow.intake.execute(body, actor, this.clock.now());
  }

  @Patch(':id')
  @Roles('admin', 'repair_intake')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.update.execute(id, body, actor);
  }

  @Post(':id/diagnose')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  diagnose(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DiagnoseBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.diagnose.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/liability')
  @HttpCode(200)
  @Roles('admin')
  liability(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LiabilityOverrideBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.overrideLiability.execute(id, body, actor);
  }

  @Post(':id/send')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  send(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: SendBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.send.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  giveBack(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: RepairReturnBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.giveBack.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  close(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CloseBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.close.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  cancel(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CancelBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.cancel.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin')
  approve(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ApprovalBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.approve.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin')
  reject(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ApprovalBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.reject.execute(id, body, actor, this.clock.now());
  }

  @Get(':id/events')
  @Roles(...DATA_ROLES)
  events(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<RepairEventDto[]> {
    return this.tickets.events(actor, id);
  }

  @Post(':id/photos')
  @Roles('admin', 'repair_intake', 'officer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  upload(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<RepairPhotoDto> {
    return this.photos.upload(request, actor, id);
  }

  @Get(':id/photos')
  @Roles(...DATA_ROLES)
  photoList(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<RepairPhotoDto[]> {
    return this.photos.list(actor, id);
  }

  @Get(':id/photos/:photoId')
  @Roles(...DATA_ROLES)
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  photo(
    @Param('id', ParseIntPipe) id: number,
    @Param('photoId', ParseIntPipe) photoId: number,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return this.photos.file(actor, id, photoId);
  }

  @Post(':id/loaner')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  loaner(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LoanerBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.handOutLoaner.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/loaner/return')
  @HttpCode(200)
  @Roles('admin', 'repair_intake')
  loanerBack(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LoanerReturnBody,
    @CurrentActor() actor: Actor,
  ): Promise<RepairTicketDto> {
    return this.flow.takeBackLoaner.execute(id, body, actor, this.clock.now());
  }

  @PrintRoute(':id/receipt', ...DATA_ROLES)
  receipt(@Param('id', ParseIntPipe) id: number, @PrintTo() to: PrintTarget): Promise<string | Buffer> {
    return this.printer.send(to, this.tickets.receipt(to.actor, id));
  }
}

/** Repair counts and costs, and devices with repeated faults, for the bureau's staff. */
@ApiTags('repair-reports')
@ApiBearerAuth()
@Controller('repair-reports')
export class RepairReportsController {
  constructor(
    private readonly reports: RepairReportsService,
    private readonly clock: Clock,
  ) {}

  @Get('summary')
  @Roles('admin', 'repair_intake', 'auditor')
  summary(
    @Query() query: SummaryQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RepairSummaryRowDto[]> {
    return this.reports.summary(query.groupBy, query.from, query.to, langFromHeader(acceptLanguage));
  }

  @Get('repeated')
  @Roles('admin', 'repair_intake', 'auditor')
  repeated(@Query() query: RepeatedQuery): Promise<RepeatedFaultDto[]> {
    return this.reports.repeated(query.minTickets ?? 2, query.months ?? 12, this.clock.now());
  }
}

/** Open repair tickets by age and status, for the dashboard. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class OpenRepairsController {
  constructor(
    private readonly openRepairs: OpenRepairsService,
    private readonly clock: Clock,
  ) {}

  @Get('repairs')
  @Roles('admin', 'auditor', 'repair_intake')
  byAge(): Promise<OpenRepairsByAgeDto> {
    return this.openRepairs.byAge(this.clock.now());
  }
}
