import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, type UnitDto } from '@fleet/shared/contracts';
import {
  type Actor,
  ApiList,
  CurrentActor,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import { CreateUnitBody, UpdateUnitBody } from './unit.dto';
import { UNIT_LIST, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @Roles(...ROLES)
  @ApiList(UNIT_LIST)
  list(@ListParams(UNIT_LIST) query: ListQuery): Promise<ListResult<UnitDto>> {
    return this.units.list(query);
  }

  @Get(':id')
  @Roles(...ROLES)
  get(@Param('id', ParseIntPipe) id: number): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateUnitBody, @CurrentActor() actor: Actor): Promise<UnitDto> {
    return this.units.create(body, actor);
  }

  @Put(':id')
  @Roles('admin')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUnitBody,
    @CurrentActor() actor: Actor,
  ): Promise<UnitDto> {
    return this.units.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<UnitDto> {
    return this.units.remove(id, actor);
  }
}
