import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/access.decorators';
import { ApiList, ListParams } from '../list/list-params.decorator';
import type { ListQuery } from '../list/list-query';
import type { ListResult } from '../list/list-result';
import { CreateUserBody, UpdateUserBody } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiList(USER_LIST)
  list(@ListParams(USER_LIST) query: ListQuery): Promise<ListResult<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @Roles('admin', 'auditor')
  get(@Param('id', ParseIntPipe) id: number): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateUserBody, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.create(body, actor);
  }

  @Put(':id')
  @Roles('admin')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUserBody,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return this.users.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.remove(id, actor);
  }
}
