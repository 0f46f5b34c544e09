import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ContractDto, ExposureDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { type Actor, CurrentActor, ReadController, Roles } from '@fleet/server/platform';
import { LEDGER_READERS, LEDGER_WRITERS } from '../shared/roles';
import { ContractBody, ContractUpdateBody, ExposureQuery } from './contract.dto';
import { CONTRACT_LIST, ContractsService } from './contracts.service';
import { ExposureService } from './exposure.service';

/** The contract record: finance reads it, admins record and correct it. */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController extends ReadController<ContractDto>({
  spec: CONTRACT_LIST,
  readRoles: LEDGER_READERS,
}) {
  constructor(private readonly contracts: ContractsService) {
    super(contracts);
  }

  @Post()
  @Roles(...LEDGER_WRITERS)
  create(@Body() body: ContractBody, @CurrentActor() actor: Actor): Promise<ContractDto> {
    return this.contracts.create(body, actor);
  }

  @Put(':id')
  @Roles(...LEDGER_WRITERS)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ContractUpdateBody,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDto> {
    return this.contracts.update(id, body, actor);
  }
}

/** Late-payment exposure under clauses 4.8 and 6.4, side by side. */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contract')
export class ExposureController {
  constructor(
    private readonly exposure: ExposureService,
    private readonly clock: Clock,
  ) {}

  @Get('exposure')
  @Roles(...LEDGER_READERS)
  get(@Query() query: ExposureQuery): Promise<ExposureDto> {
    return this.exposure.exposure(query, this.clock.now());
  }
}
