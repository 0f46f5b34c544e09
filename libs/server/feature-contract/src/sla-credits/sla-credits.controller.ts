import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SlaCreditDto } from '@fleet/shared/contracts';
import { ApiList, ListParams, type ListQuery, type ListResult, Roles } from '@fleet/server/platform';
import { LEDGER_READERS } from '../shared/roles';
import { SLA_CREDIT_LIST, SlaCreditsService } from './sla-credits.service';

/** SLA credits per SIM and waived day of a month: `filter={"period":"YYYY-MM"}` is required. */
@ApiTags('sla-credits')
@ApiBearerAuth()
@Controller('sla-credits')
export class SlaCreditsController {
  constructor(private readonly credits: SlaCreditsService) {}

  @Get()
  @Roles(...LEDGER_READERS)
  @ApiList(SLA_CREDIT_LIST)
  list(@ListParams(SLA_CREDIT_LIST) query: ListQuery): Promise<ListResult<SlaCreditDto>> {
    return this.credits.list(query);
  }
}
