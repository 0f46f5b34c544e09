import { Injectable } from '@nestjs/common';
import { nextDeviceStatus } from '@fleet/domain/inventory';
import type { LostReportDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import type { Actor } from '@fleet/server/platform';
import { DeviceStatusWriter } from '../../devices/device-status.writer';
import { closedConflict, conflict } from '../lost-report.mapper';
import { LostReportStore } from '../lost-report.store';

/** Confirms the loss: device → lost, the holder's assignment ends, every SIM in it is suspended. */
@Injectable()
export class ConfirmLostUseCase {
  constructor(
    private readonly store: LostReportStore,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly clock: Clock,
  ) {}

  execute(id: number, actor: Actor): Promise<LostReportDto> {
    return this.store.change(id, actor, async (manager, report) => {
      if (report.foundAt) {
        throw conflict(`报失记录 ${report.id} 的终端已找回`, `The device of report ${report.id} was found`);
      }
      if (report.closedAt) throw closedConflict(report);
      if (report.confirmedAt) {
        throw conflict(
          `报失记录 ${id} 已于 ${report.confirmedAt.toISOString()} 确认`,
          `Report ${id} was already confirmed at ${report.confirmedAt.toISOString()}`,
        );
      }
      const now = this.clock.now();
      const device = await this.deviceStatus.lock(manager, report.deviceId);
      const status = nextDeviceStatus(device.status, 'lost');
      if (status === null) {
        throw conflict(
          `状态为 ${device.status} 的终端不能确认丢失`,
          `A device in status ${device.status} cannot be confirmed lost`,
        );
      }
      await this.store.endAssignment(manager, device.id, now, actor);
      await this.deviceStatus.write(manager, actor, device, { status, currentOfficerId: null });
      await this.store.suspendSims(manager, device.id, actor);
      report.confirmedAt = now;
    });
  }
}
