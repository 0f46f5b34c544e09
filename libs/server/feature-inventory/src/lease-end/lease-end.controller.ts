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
import {
  type Actor,
  ApiList,
  CurrentActor,
  langFromHeader,
  ListParams,
  type ListQuery,
  type ListResult,
  Roles,
} from '@fleet/server/platform';
import { LeaseEndCheckBody, LeaseEndDevicesQuery, LeaseEndTransferBody } from './lease-end.dto';
import { LEASE_END_CHECK_LIST, LeaseEndService } from './lease-end.service';

@ApiTags('lease-end')
@ApiBearerAuth()
@Controller()
export class LeaseEndController {
  constructor(private readonly leaseEnd: LeaseEndService) {}

  @Get('lease-end/devices')
  @Roles('admin', 'auditor')
  devices(@Query() query: LeaseEndDevicesQuery): Promise<LeaseEndDeviceDto[]> {
    return this.leaseEnd.devices(query.asOf);
  }

  @Put('lease-end/checks/:deviceId')
  @Roles('admin')
  upsertCheck(
    @Param('deviceId', ParseIntPipe) deviceId: number,
    @Body() body: LeaseEndCheckBody,
    @CurrentActor() actor: Actor,
  ): Promise<LeaseEndCheckDto> {
    return this.leaseEnd.upsertCheck(deviceId, body, actor);
  }

  @Post('lease-end/transfer')
  @Roles('admin')
  @HttpCode(200)
  transfer(
    @Body() body: LeaseEndTransferBody,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') language?: string,
  ): Promise<LeaseEndTransferResultDto> {
    return this.leaseEnd.transfer(body, actor, langFromHeader(language));
  }

  @Get('lease-end-checks')
  @Roles('admin', 'auditor')
  @ApiList(LEASE_END_CHECK_LIST)
  list(@ListParams(LEASE_END_CHECK_LIST) query: ListQuery): Promise<ListResult<LeaseEndCheckDto>> {
    return this.leaseEnd.list(query);
  }

  @Get('lease-end-checks/:id')
  @Roles('admin', 'auditor')
  get(@Param('id', ParseIntPipe) id: number): Promise<LeaseEndCheckDto> {
    return this.leaseEnd.get(id);
  }
}
