import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, type UnitDto } from '@fleet/shared/contracts';
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
  readRoles: ROLES,
  writeRoles: ['admin'],
}) {
  constructor(units: UnitsService) {
    super(units);
  }
}
