import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AlertDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { ReadController, Roles } from '@fleet/server/platform';
import { IsOptional, Matches } from 'class-validator';
import { ALERT_LIST, AlertsService } from './alerts.service';

export class RecomputeAlertsBody {
  @ApiPropertyOptional({
    example: '2026-03-14',
    description: 'The day to compute; today in China by default',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController extends ReadController<AlertDto>({
  spec: ALERT_LIST,
  readRoles: ['admin', 'auditor'],
}) {
  constructor(
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
  ) {
    super(alerts);
  }

  @Post('recompute')
  @Roles('admin')
  @HttpCode(202)
  recompute(@Body() body: RecomputeAlertsBody): Promise<{ asOf: string; queued: true }> {
    return this.alerts.recompute(body.asOf, this.clock.now());
  }
}
