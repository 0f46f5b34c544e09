import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '@fleet/server/platform';
import { CreateBillingRulesBody, UpdateBillingRulesBody } from './billing-rules.dto';
import { BILLING_RULES_LIST, type BillingRulesDto, BillingRulesService } from './billing-rules.service';

/** Tariff and payer policy versions: admins and auditors read, admins write. */
@ApiTags('billing-rules')
@ApiBearerAuth()
@Controller('billing-rules')
export class BillingRulesController extends CrudController<
  BillingRulesDto,
  CreateBillingRulesBody,
  UpdateBillingRulesBody
>({
  spec: BILLING_RULES_LIST,
  createBody: CreateBillingRulesBody,
  updateBody: UpdateBillingRulesBody,
  readRoles: ['admin', 'auditor'],
  writeRoles: ['admin'],
}) {
  constructor(rules: BillingRulesService) {
    super(rules);
  }
}
