import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@fleet/shared/contracts';
import { CrudController } from '../crud/crud.controller';
import { CreateUserBody, UpdateUserBody } from './user.dto';
import { USER_LIST, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController extends CrudController<UserDto, CreateUserBody, UpdateUserBody>({
  spec: USER_LIST,
  createBody: CreateUserBody,
  updateBody: UpdateUserBody,
  readRoles: ['admin', 'auditor'],
  writeRoles: ['admin'],
}) {
  constructor(users: UsersService) {
    super(users);
  }
}
