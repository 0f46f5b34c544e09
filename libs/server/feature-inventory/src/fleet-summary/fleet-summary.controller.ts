import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Clock } from '@fleet/server/config';
import { Roles } from '@fleet/server/platform';
import type { FleetSummaryDto } from '@fleet/shared/contracts';
import { FleetSummaryService } from './fleet-summary.service';

/** Devices and SIMs by status, and warranty and lease ends ahead, for the dashboard. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class FleetSummaryController {
  constructor(
    private readonly fleet: FleetSummaryService,
    private readonly clock: Clock,
  ) {}

  @Get('fleet')
  @Roles('admin', 'auditor')
  summary(): Promise<FleetSummaryDto> {
    return this.fleet.summary(this.clock.now());
  }
}
