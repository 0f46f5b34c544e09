import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApnProfileDto } from '@fleet/shared/contracts';
import { CrudController } from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { CreateApnProfileBody, UpdateApnProfileBody } from './apn-profile.dto';
import { APN_PROFILE_LIST, ApnProfilesService } from './apn-profiles.service';

/** APN profiles: staff read, admins write. */
@ApiTags('apn-profiles')
@ApiBearerAuth()
@Controller('apn-profiles')
export class ApnProfilesController extends CrudController<
  ApnProfileDto,
  CreateApnProfileBody,
  UpdateApnProfileBody
>({
  spec: APN_PROFILE_LIST,
  createBody: CreateApnProfileBody,
  updateBody: UpdateApnProfileBody,
  readRoles: STAFF,
  writeRoles: ['admin'],
}) {
  constructor(profiles: ApnProfilesService) {
    super(profiles);
  }
}
