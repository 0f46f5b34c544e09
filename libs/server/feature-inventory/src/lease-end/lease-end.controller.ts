import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LeaseEndCheckDto, LeaseEndDeviceDto, LeaseEndTransferResultDto } from '@fleet/shared/contracts';
import { type Actor, CurrentActor, langFromHeader, ReadController, Roles } from '@fleet/server/platform';
import { LeaseEndCheckBody, LeaseEndDevicesQuery, LeaseEndTransferBody } from './lease-end.dto';
import { LEASE_END_CHECK_LIST, LeaseEndService } from './lease-end.service';

/** The per-device lease-end checklists, read. */
@ApiTags('lease-end')
@ApiBearerAuth()
@Controller('lease-end-checks')
export class LeaseEndChecksController extends ReadController<LeaseEndCheckDto>({
  spec: LEASE_END_CHECK_LIST,
  readRoles: ['admin', 'auditor'],
}) {
  constructor(leaseEnd: LeaseEndService) {
    super(leaseEnd);
  }
}

@ApiTags('lease-end')
@ApiBearerAuth()
@Controller('lease-end')
export class LeaseEndController {
  constructor(private readonly leaseEnd: LeaseEndService) {}

  @Get('devices')
  @Roles('admin', 'auditor')
  devices(@Query() query: LeaseEndDevicesQuery): Promise<LeaseEndDeviceDto[]> {
    return this.leaseEnd.devices(query.asOf);
  }

  @Put('checks/:deviceId')
  @Roles('admin')
  upsertCheck(
    @Param('deviceId', ParseIntPipe) deviceId: number,
    @Body() body: LeaseEndCheckBody,
    @CurrentActor() actor: Actor,
  ): Promise<LeaseEndCheckDto> {
    return this.leaseEnd.upsertCheck(deviceId, body, actor);
  }

  @Post('transfer')
  @Roles('admin')
  @HttpCode(200)
  transfer(
    @Body() body: LeaseEndTransferBody,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language?: string,
  ): Promise<LeaseEndTransferResultDto> {
    return this.leaseEnd.transfer(body, actor, langFromHeader(language));
  }
}
