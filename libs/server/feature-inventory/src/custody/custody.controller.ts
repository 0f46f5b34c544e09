import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AssignmentDto, SimInstallationDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import {
  type Actor,
  CurrentActor,
  PrintDocuments,
  PrintRoute,
  type PrintTarget,
  PrintTo,
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

  @PrintRoute(':id/receipt', 'admin', 'auditor', 'officer')
  receipt(@Param('id', ParseIntPipe) id: number, @PrintTo() to: PrintTarget): Promise<string | Buffer> {
    return this.printer.send(to, this.history.receipt(to.actor, id));
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
