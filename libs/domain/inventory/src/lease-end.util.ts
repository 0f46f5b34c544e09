import type { IsoDate } from './calendar.util';
import type { DeviceOwnership } from './device-status.util';

/**
 * Clause 4.5: at the end of the lease the devices become the bureau's property. A transfer on a date
 * takes each leased device whose lease has ended by then.
 */

/** Whether a device's lease has ended on `asOf` (the end day itself counts as ended). */
export function isLeaseEnded(leaseEndOn: IsoDate | null, asOf: IsoDate): boolean {
  return leaseEndOn !== null && leaseEndOn <= asOf;
}

export type LeaseTransferOutcome = 'transfer' | 'unchanged' | 'no_lease_end' | 'lease_not_ended';

/** What a transfer on `on` does with a device: transfer it, leave it (already the bureau's), or refuse why. */
export function leaseTransferOutcome(
  device: { ownership: DeviceOwnership; leaseEndOn: IsoDate | null },
  on: IsoDate,
): LeaseTransferOutcome {
  if (device.ownership === 'bureau') return 'unchanged';
  if (device.leaseEndOn === null) return 'no_lease_end';
  return isLeaseEnded(device.leaseEndOn, on) ? 'transfer' : 'lease_not_ended';
}
