import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OfficerDto } from '@fleet/shared/contracts';
import { ORG_READERS } from '../org-roles';
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
  // The security administrator reads them to link an officer's login (三员分立: nothing more).
  readRoles: ORG_READERS,
  writeRoles: ['admin'],
}) {
  constructor(officers: OfficersService) {
    super(officers);
  }
}
