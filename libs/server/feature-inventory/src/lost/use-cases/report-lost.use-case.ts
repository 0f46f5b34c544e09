import { Injectable } from '@nestjs/common';
import { nextDeviceStatus } from '@fleet/domain/inventory';
import type { LostReportDto } from '@fleet/shared/contracts';
import { Clock } from '@fleet/server/config';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { type Actor, ApiException } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { DeviceStatusWriter } from '../../devices/device-status.writer';
import type { ReportLostBody } from '../lost-report.dto';
import { conflict } from '../lost-report.mapper';
import { LostReportStore } from '../lost-report.store';

/** Reports a device lost or stolen: an admin any device, an officer only the one they hold (else 404). */
@Injectable()
export class ReportLostUseCase {
  constructor(
    private readonly store: LostReportStore,
    private readonly deviceStatus: DeviceStatusWriter,
    private readonly clock: Clock,
    private readonly org: OrgLookupReader,
  ) {}

  execute(deviceId: number, body: ReportLostBody, actor: Actor): Promise<LostReportDto> {
    return this.store.transaction(async (manager) => {
      const device = await this.deviceStatus.lock(manager, deviceId);
      if (
        actor.role === 'officer' &&
        (actor.officerId === null || device.currentOfficerId !== actor.officerId)
      ) {
        throw ApiException.notFound('devices', deviceId);
      }
      const open = await this.store.openReport(manager, deviceId);
      if (open) {
        throw conflict(
          `该终端已报失（报失记录 ${open.id}，${open.reportedAt.toISOString()}），尚未找回`,
          `The device is already reported ${open.kind} (report ${open.id}, ${open.reportedAt.toISOString()}) and not found`,
        );
      }
      if (nextDeviceStatus(device.status, 'lost') === null) {
        throw conflict(
          `状态为 ${device.status} 的终端不能报失`,
          `A device in status ${device.status} cannot be reported lost`,
        );
      }
      return this.store.create(manager, actor, {
        deviceId,
        kind: body.kind,
        reportedAt: body.reportedAt ? new Date(body.reportedAt) : this.clock.now(),
        reportedByOfficerId: await this.reporter(manager, body, actor),
        policeCaseNo: body.policeCaseNo || null,
        circumstances: body.circumstances || null,
      });
    });
  }

  /** An officer reports as themselves; an admin may name the reporting officer. */
  private async reporter(manager: EntityManager, body: ReportLostBody, actor: Actor): Promise<number | null> {
    const given = body.reportedByOfficerId ?? null;
    if (actor.role === 'officer') {
      if (given !== null && given !== actor.officerId) {
        throw ApiException.badRequest([
          {
            field: 'reportedByOfficerId',
            reason: { zh: '警员只能以本人名义报失', en: 'An officer reports only in their own name' },
          },
        ]);
      }
      return actor.officerId;
    }
    if (given !== null && !(await this.org.officerExists(given, manager))) {
      throw ApiException.badRequest([
        { field: 'reportedByOfficerId', reason: { zh: '警员不存在', en: 'No such officer' } },
      ]);
    }
    return given;
  }
}
