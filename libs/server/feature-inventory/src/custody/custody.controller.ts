import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import type { FastifyReply } from 'fastify';
import { Clock } from '@fleet/server/config';
import {
  type Actor,
  ApiPrintDocument,
  CurrentActor,
  PrintDocuments,
  type PrintFormat,
  PrintFormatParam,
  ReadController,
  Roles,
} from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { CustodyHistoryService } from './custody-history.service';
import {
  ASSIGNMENT_LIST,
  AssignmentsService,
  SIM_INSTALLATION_LIST,
  SimInstallationsService,
} from './custody-lists.service';
import { VoidBody } from './custody.dto';
import { ASSIGNMENTS, INSTALLATIONS } from './custody.store';
import { AcceptAssignmentUseCase } from './use-cases/accept-assignment.use-case';
import { VoidCustodyUseCase } from './use-cases/void-custody.use-case';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController extends ReadController<AssignmentDto>({
  spec: ASSIGNMENT_LIST,
  readRoles: [...STAFF, 'officer'],
}) {
  constructor(
    assignments: AssignmentsService,
    private readonly acceptAssignment: AcceptAssignmentUseCase,
    private readonly voidCustody: VoidCustodyUseCase,
    private readonly history: CustodyHistoryService,
    private readonly clock: Clock,
    private readonly printer: PrintDocuments,
  ) {
    super(assignments);
  }

  @Get(':id/receipt')
  @Roles('admin', 'auditor', 'officer')
  @ApiPrintDocument()
  receipt(
    @Param('id', ParseIntPipe) id: number,
    @PrintFormatParam() format: PrintFormat,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return this.printer.send(reply, format, this.history.receipt(actor, id));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'officer')
  accept(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<AssignmentDto> {
    return this.acceptAssignment.execute(id, actor, this.clock.now());
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles('admin')
  void(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: VoidBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentDto> {
    return this.voidCustody.execute(ASSIGNMENTS, id, body, actor, this.clock.now());
  }
}

@ApiTags('sim-installations')
@ApiBearerAuth()
@Controller('sim-installations')
export class SimInstallationsController extends ReadController<SimInstallationDto>({
  spec: SIM_INSTALLATION_LIST,
  readRoles: STAFF,
}) {
  constructor(
    installations: SimInstallationsService,
    private readonly voidCustody: VoidCustodyUseCase,
    private readonly clock: Clock,
  ) {
    super(installations);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles('admin')
  void(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: VoidBody,
    @CurrentActor() actor: Actor,
  ): Promise<SimInstallationDto> {
    return this.voidCustody.execute(INSTALLATIONS, id, body, actor, this.clock.now());
  }
}
