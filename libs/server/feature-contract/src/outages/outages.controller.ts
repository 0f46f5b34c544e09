import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OutageDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { type Actor, CurrentActor, ReadController, Roles } from '@fleet/server/platform';
import { LEDGER_READERS, LEDGER_WRITERS } from '../shared/roles';
import { OutageBody, OutageUpdateBody, OutageVoidBody } from './outage.dto';
import { OUTAGE_LIST, OutagesService } from './outages.service';

/** Network outages (中断): finance reads them, admins record, correct and void them. */
@ApiTags('outages')
@ApiBearerAuth()
@Controller('outages')
export class OutagesController extends ReadController<OutageDto>({
  spec: OUTAGE_LIST,
  readRoles: LEDGER_READERS,
}) {
  constructor(
    private readonly outages: OutagesService,
    private readonly clock: Clock,
  ) {
    super(outages);
  }

  @Post()
  @Roles(...LEDGER_WRITERS)
  create(@Body() body: OutageBody, @CurrentActor() actor: Actor): Promise<OutageDto> {
    return this.outages.create(body, actor);
  }

  @Put(':id')
  @Roles(...LEDGER_WRITERS)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: OutageUpdateBody,
    @CurrentActor() actor: Actor,
  ): Promise<OutageDto> {
    return this.outages.update(id, body, actor);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(...LEDGER_WRITERS)
  void(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: OutageVoidBody,
    @CurrentActor() actor: Actor,
  ): Promise<OutageDto> {
    return this.outages.void(id, body, actor, this.clock.now());
  }
}
