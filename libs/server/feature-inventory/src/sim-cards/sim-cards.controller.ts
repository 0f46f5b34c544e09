import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SimCardDto, SimInstallationDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { type Actor, CrudController, CurrentActor, Roles } from '@fleet/server/platform';
import { InstallBody, RemoveBody } from '../custody/custody.dto';
import { InstallSimUseCase } from '../custody/use-cases/install-sim.use-case';
import { RemoveSimUseCase } from '../custody/use-cases/remove-sim.use-case';
import { STAFF } from '../shared/roles';
import { CreateSimCardBody, UpdateSimCardBody } from './sim-card.dto';
import { SIM_CARD_LIST, SimCardsService } from './sim-cards.service';

/** SIM cards: staff read (an officer only the SIMs in their device), admins write and move them. */
@ApiTags('sim-cards')
@ApiBearerAuth()
@Controller('sim-cards')
export class SimCardsController extends CrudController<SimCardDto, CreateSimCardBody, UpdateSimCardBody>({
  spec: SIM_CARD_LIST,
  createBody: CreateSimCardBody,
  updateBody: UpdateSimCardBody,
  readRoles: [...STAFF, 'officer'],
  writeRoles: ['admin'],
}) {
  constructor(
    sims: SimCardsService,
    private readonly installSim: InstallSimUseCase,
    private readonly removeSim: RemoveSimUseCase,
    private readonly clock: Clock,
  ) {
    super(sims);
  }

  @Post(':id/install')
  @Roles('admin')
  install(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: InstallBody,
    @CurrentActor() actor: Actor,
  ): Promise<SimInstallationDto> {
    return this.installSim.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Roles('admin')
  takeOut(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: RemoveBody,
    @CurrentActor() actor: Actor,
  ): Promise<SimInstallationDto> {
    return this.removeSim.execute(id, body, actor, this.clock.now());
  }
}
