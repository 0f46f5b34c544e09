import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AssignmentDto,
  DeviceDto,
  DeviceHolderAtDto,
  DeviceSimsAtDto,
  TimelineEntryDto,
} from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { FastifyReply } from 'fastify';
import {
  type Actor,
  ApiPrintDocument,
  CrudController,
  CurrentActor,
  PrintDocuments,
  Roles,
} from '@fleet/server/platform';
import { AssignBody, AtQuery, ReturnBody } from '../custody/custody.dto';
import { CustodyHistoryService } from '../custody/custody-history.service';
import { AssignDeviceUseCase } from '../custody/use-cases/assign-device.use-case';
import { ReturnDeviceUseCase } from '../custody/use-cases/return-device.use-case';
import { STAFF } from '../shared/roles';
import { DeviceLabelsService } from './device-labels.service';
import { CreateDeviceBody, LabelsQuery, UpdateDeviceBody } from './device.dto';
import { DEVICE_LIST, DevicesService } from './devices.service';

/** Devices: staff read (an officer only the device they hold), admins write and hand them over. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController extends CrudController<DeviceDto, CreateDeviceBody, UpdateDeviceBody>({
  spec: DEVICE_LIST,
  createBody: CreateDeviceBody,
  updateBody: UpdateDeviceBody,
  readRoles: [...STAFF, 'officer'],
  writeRoles: ['admin'],
}) {
  constructor(
    private readonly devices: DevicesService,
    private readonly assignDevice: AssignDeviceUseCase,
    private readonly returnDevice: ReturnDeviceUseCase,
    private readonly history: CustodyHistoryService,
    private readonly clock: Clock,
    private readonly labels: DeviceLabelsService,
    private readonly printer: PrintDocuments,
  ) {
    super(devices);
  }

  /** A sheet of asset labels (QR of the IMEI) for the devices named, A4, or its PDF. */
  @Get('labels')
  @Roles(...STAFF)
  @ApiPrintDocument()
  labelSheet(
    @Query() query: LabelsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const ids = [...new Set(query.ids.split(',').map(Number))];
    return this.printer.send({ reply, format: query.format ?? 'html' }, this.labels.sheet(ids));
  }

  @Get('by-imei/:imei')
  @Roles(...STAFF, 'officer')
  byImei(@Param('imei') imei: string, @CurrentActor() actor: Actor): Promise<DeviceDto> {
    return this.devices.byImei(actor, imei);
  }

  @Get(':id/holder')
  @Roles(...STAFF)
  holder(@Param('id', ParseIntPipe) id: number, @Query() query: AtQuery): Promise<DeviceHolderAtDto> {
    return this.history.holderAt(id, query.at ? new Date(query.at) : this.clock.now());
  }

  @Get(':id/sims')
  @Roles(...STAFF)
  sims(@Param('id', ParseIntPipe) id: number, @Query() query: AtQuery): Promise<DeviceSimsAtDto> {
    return this.history.simsAt(id, query.at ? new Date(query.at) : this.clock.now());
  }

  @Get(':id/timeline')
  @Roles(...STAFF)
  timeline(@Param('id', ParseIntPipe) id: number): Promise<TimelineEntryDto[]> {
    return this.history.timeline(id);
  }

  @Post(':id/assign')
  @Roles('admin')
  assign(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AssignBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentDto> {
    return this.assignDevice.execute(id, body, actor, this.clock.now());
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('admin')
  giveBack(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ReturnBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentDto> {
    return this.returnDevice.execute(id, body, actor, this.clock.now());
  }
}
