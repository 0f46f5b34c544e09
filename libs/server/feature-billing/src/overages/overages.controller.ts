import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReadController } from '@fleet/server/platform';
import { OVERAGE_LIST, type OverageDto, OveragesService } from './overages.service';

/** The computed overages (read only: only a month close writes them). */
@ApiTags('overages')
@ApiBearerAuth()
@Controller('overages')
export class OveragesController extends ReadController<OverageDto>({
  spec: OVERAGE_LIST,
  readRoles: ['admin', 'auditor'],
}) {
  constructor(overages: OveragesService) {
    super(overages);
  }
}
