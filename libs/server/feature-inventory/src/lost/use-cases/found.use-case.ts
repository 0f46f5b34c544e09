import { Injectable } from '@nestjs/common';
import { nextDeviceStatus } from '@fleet/domain/inventory';
import type { LostReportDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { Actor } from '@fleet/server/platform';
import { DeviceStatusWriter } from '../../devices/device-status.writer';
import type { AtBody } from '../lost-report.dto';
import { conflict } from '../lost-report.mapper';
import { LostReportStore } from '../lost-report.store';

/** The device turned up: back in stock if it had been confirmed lost; the report closes. */
@Injectable()
export class FoundUseCase {
  constructor(
    private readonly store: LostReportStore,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly clock: Clock,
  ) {}

  execute(id: number, body: AtBody, actor: Actor): Promise<LostReportDto> {
    return this.store.change(id, actor, async (manager, report) => {
      if (report.foundAt) {
        throw conflict(
          `报失记录 ${id} 的终端已于 ${report.foundAt.toISOString()} 找回`,
          `The device of report ${id} was already found at ${report.foundAt.toISOString()}`,
        );
      }
      const device = await this.deviceStatus.lock(manager, report.deviceId);
      const status = nextDeviceStatus(device.status, 'found');
      if (status !== null) await this.deviceStatus.write(manager, actor, device, { status });
      report.foundAt = body.at ? new Date(body.at) : this.clock.now();
      report.closedAt ??= this.clock.now();
    });
  }
}
