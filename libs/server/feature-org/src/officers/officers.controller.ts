import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, type OfficerDto } from '@fleet/shared/contracts';
import { CrudController } from '@fleet/server/platform';
import { CreateOfficerBody, UpdateOfficerBody } from './officer.dto';
import { OFFICER_LIST, OfficersService } from './officers.service';

/** Officers: every role reads (an officer only their own record), admins write. */
@ApiTags('officers')
@ApiBearerAuth()
@Controller('officers')
export class OfficersController extends CrudController<OfficerDto, CreateOfficerBody, UpdateOfficerBody>({
  spec: OFFICER_LIST,
  createBody: CreateOfficerBody,
  updateBody: UpdateOfficerBody,
  readRoles: ROLES,
  writeRoles: ['admin'],
}) {
  constructor(officers: OfficersService) {
    super(officers);
  }
}
