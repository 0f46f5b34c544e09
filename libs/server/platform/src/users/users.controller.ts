import { Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/access.decorators';
import { CrudController } from '../crud/crud.controller';
import { CreateUserBody, UpdateUserBody } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

/** Accounts: the security administrator's alone (三员分立). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController extends CrudController<UserDto, CreateUserBody, UpdateUserBody>({
  spec: USER_LIST,
  createBody: CreateUserBody,
  updateBody: UpdateUserBody,
  readRoles: ['secadmin'],
  writeRoles: ['secadmin'],
}) {
  constructor(private readonly users: UsersService) {
    super(users);
  }

  @Post(':id/sessions/end')
  @Roles('secadmin')
  @HttpCode(200)
  endSessions(
    @Param('id', ParseIntPipe) id: number,
    @CurrentActor() actor: Actor,
  ): Promise<{ sessionsEnded: number }> {
    return this.users.endSessions(id, actor);
  }
}
