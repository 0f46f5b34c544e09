import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PlanDto } from '@fleet/shared/contracts';
import { CrudController } from '@fleet/server/platform';
import { STAFF } from '../shared/roles';
import { CreatePlanBody, UpdatePlanBody } from './plan.dto';
import { PLAN_LIST, PlansService } from './plans.service';

/** SIM plans: staff read, admins write (a plan in use cannot be deleted: its SIMs refer to it). */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController extends CrudController<PlanDto, CreatePlanBody, UpdatePlanBody>({
  spec: PLAN_LIST,
  createBody: CreatePlanBody,
  updateBody: UpdatePlanBody,
  readRoles: STAFF,
  writeRoles: ['admin'],
}) {
  constructor(plans: PlansService) {
    super(plans);
  }
}
