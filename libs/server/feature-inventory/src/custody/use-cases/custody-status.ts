import { type DeviceEvent, type DeviceStatus, nextDeviceStatus } from '@fleet/domain/inventory';
import type { DeviceEntity } from '@fleet/server/persistence';
import { ApiException } from '@fleet/server/platform';
import { DEVICE_STATUS_NAMES } from '../../devices/device-status.writer';

/** The device's status after a handover or a return, or 409 naming the status that forbids it. */
export function custodyStatus(
  device: DeviceEntity,
  event: Extract<DeviceEvent, 'assign' | 'return'>,
): DeviceStatus {
  const next = nextDeviceStatus(device.status, event);
  if (!next) {
    const name = DEVICE_STATUS_NAMES[device.status];
    const action = event === 'assign' ? { zh: '领用', en: 'assigned' } : { zh: '归还', en: 'returned' };
    throw ApiException.conflict({
      zh: `终端状态为「${name.zh}」，不能${action.zh}`,
      en: `The device is ${name.en} and cannot be ${action.en}`,
    });
  }
  return next;
}
