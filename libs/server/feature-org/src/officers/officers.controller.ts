import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, type OfficerDto } from '@fleet/shared/contracts';
import {
  type Actor,
  ApiList,
  CurrentActor,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import { CreateOfficerBody, UpdateOfficerBody } from './officer.dto';
import { OFFICER_LIST, OfficersService } from './officers.service';

@ApiTags('officers')
@ApiBearerAuth()
@Controller('officers')
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @Roles(...ROLES)
  @ApiList(OFFICER_LIST)
  list(
    @ListParams(OFFICER_LIST) query: ListQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ListResult<OfficerDto>> {
    return this.officers.listFor(actor, query);
  }

  @Get(':id')
  @Roles(...ROLES)
  get(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<OfficerDto> {
    return this.officers.getFor(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateOfficerBody, @CurrentActor() actor: Actor): Promise<OfficerDto> {
    return this.officers.create(body, actor);
  }

  @Put(':id')
  @Roles('admin')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateOfficerBody,
    @CurrentActor() actor: Actor,
  ): Promise<OfficerDto> {
    return this.officers.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<OfficerDto> {
    return this.officers.remove(id, actor);
  }
}
