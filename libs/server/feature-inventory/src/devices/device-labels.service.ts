import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { ApiException, chinaDateTime, type PrintDocument } from '@fleet/server/platform';
import { toString as qrSvg } from 'qrcode';
import { LeaseEndStore } from '../lease-end/lease-end.store';
import { type DeviceLabel, renderDeviceLabels } from './device-labels.html';
import { DeviceStore } from './device.store';

/** Most labels in one request: ten A4 sheets of 24. */
export const MAX_LABELS = 240;

/**
 * Asset labels (issue 16 item 8): a QR code of IMEI1, which the intake and stocktake IMEI inputs take as
 * typed, beside the bureau's asset number (from the lease-end check, once registered) or else the IMEI
 * and the unit that keeps the device.
 */
@Injectable()
export class DeviceLabelsService {
  constructor(
    private readonly devices: DeviceStore,
    private readonly leaseEnd: LeaseEndStore,
    private readonly org: OrgLookupReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async sheet(ids: readonly number[]): Promise<PrintDocument> {
    const devices = await this.devices.byIds(ids);
    const missing = ids.filter((id) => !devices.some((d) => d.id === id));
    if (missing.length) throw ApiException.notFound('devices', missing.join(','));
    const checks = await this.leaseEnd.checksOf(ids);
    const officerIds = devices.map((d) => d.currentOfficerId).filter((id): id is number => id !== null);
    const officers = await this.org.officersByIds(officerIds);
    const unitIds = [...devices.map((d) => d.unitId), ...officers.map((o) => o.unitId)].filter(
      (id): id is number => id !== null,
    );
    const units = await this.org.unitsByIds(unitIds);
    const unitName = (id: number | null | undefined) => units.find((u) => u.id === id)?.name;
    const bureau = this.config.documents.bureauName;
    const labels: DeviceLabel[] = await Promise.all(
      ids.map(async (id) => {
        const d = devices.find((device) => device.id === id)!;
        const holder = officers.find((o) => o.id === d.currentOfficerId);
        return {
          imei1: d.imei1,
          model: d.model,
          assetNo: checks.find((c) => c.deviceId === id)?.assetNo ?? null,
          unit: unitName(d.unitId) ?? unitName(holder?.unitId) ?? bureau,
          // The payload is the IMEI alone, exactly what the IMEI inputs accept from a scanner.
          qrSvg: await qrSvg(d.imei1, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
        };
      }),
    );
    return renderDeviceLabels(bureau, labels, chinaDateTime(this.clock.now()).slice(0, 10));
  }
}
