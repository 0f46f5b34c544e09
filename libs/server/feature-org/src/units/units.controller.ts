import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UnitDto } from '@fleet/shared/contracts';
import { ORG_READERS } from '../org-roles';
import { CrudController } from '@fleet/server/platform';
import { CreateUnitBody, UpdateUnitBody } from './unit.dto';
import { UNIT_LIST, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController extends CrudController<UnitDto, CreateUnitBody, UpdateUnitBody>({
  spec: UNIT_LIST,
  createBody: CreateUnitBody,
  updateBody: UpdateUnitBody,
  // The security administrator reads them to link an officer's login (三员分立: nothing more).
  readRoles: ORG_READERS,
  writeRoles: ['admin'],
}) {
  constructor(units: UnitsService) {
    super(units);
  }
}
