import { activationDeadline, alertThreshold, DEFAULT_ALERT_DAYS } from './alerts.util';
import { daysBetween, type IsoDate } from './calendar.util';
import type { DeviceOwnership, DeviceStatus, SimStatus } from './device-status.util';

export type AlertKindValue =
  'warranty_ending' | 'lease_ending' | 'sim_not_real_name' | 'sim_not_active' | 'device_lost';

export interface AlertDeviceFacts {
  id: number;
  imei1: string;
  model: string;
  status: DeviceStatus;
  ownership: DeviceOwnership;
  warrantyEndOn: IsoDate;
  leaseEndOn: IsoDate | null;
  currentOfficerId: number | null;
}

export interface AlertSimFacts {
  id: number;
  iccid: string;
  msisdn: string;
  status: SimStatus;
  activatedOn: IsoDate | null;
  realNameRegisteredOn: IsoDate | null;
}

export interface AlertDraft {
  kind: AlertKindValue;
  resource: 'devices' | 'sim-cards';
  resourceId: number;
  dueOn: IsoDate | null;
  /** The threshold crossed (90, 30, 7) for date alerts; the exact count is in details.days. */
  daysLeft: number | null;
  details: Record<string, string | number | null>;
}

export interface AlertInputs {
  today: IsoDate;
  contractSignedOn: IsoDate;
  devices: readonly AlertDeviceFacts[];
  sims: readonly AlertSimFacts[];
  thresholds?: readonly number[];
}

/**
 * The dashboard's alerts as of one day (§3.2, clauses 4.2, 4.3): warranties and leases ending within a
 * threshold, SIMs not registered under a real name, SIMs still not active after the activation
 * deadline, and lost devices. Retired devices and terminated SIMs need no action and raise nothing; a
 * lease already handed over to the bureau raises no lease alert.
 */
export function computeAlerts(input: AlertInputs): AlertDraft[] {
  const { today, thresholds = DEFAULT_ALERT_DAYS } = input;
  const alerts: AlertDraft[] = [];
  const dateAlert = (kind: AlertKindValue, device: AlertDeviceFacts, due: IsoDate | null) => {
    const threshold = due === null ? null : alertThreshold(today, due, thresholds);
    if (due === null || threshold === null) return;
    alerts.push({
      kind,
      resource: 'devices',
      resourceId: device.id,
      dueOn: due,
      daysLeft: threshold,
      details: deviceDetails(device, { days: daysBetween(today, due) }),
    });
  };

  for (const device of input.devices) {
    if (device.status === 'retired') continue;
    dateAlert('warranty_ending', device, device.warrantyEndOn);
    if (device.ownership === 'leased') dateAlert('lease_ending', device, device.leaseEndOn);
    if (device.status === 'lost') {
      alerts.push({
        kind: 'device_lost',
        resource: 'devices',
        resourceId: device.id,
        dueOn: null,
        daysLeft: null,
        details: deviceDetails(device, {}),
      });
    }
  }

  const deadline = activationDeadline(input.contractSignedOn);
  for (const sim of input.sims) {
    if (sim.status === 'terminated') continue;
    const details = { iccid: sim.iccid, msisdn: sim.msisdn };
    if (sim.realNameRegisteredOn === null) {
      alerts.push({
        kind: 'sim_not_real_name',
        resource: 'sim-cards',
        resourceId: sim.id,
        dueOn: null,
        daysLeft: null,
        details,
      });
    }
    // Actionable only while the SIM is still not active; a late activation is history, not a to-do.
    const activeByToday = sim.activatedOn !== null && sim.activatedOn <= today;
    if (today > deadline && !activeByToday) {
      alerts.push({
        kind: 'sim_not_active',
        resource: 'sim-cards',
        resourceId: sim.id,
        dueOn: deadline,
        daysLeft: null,
        details,
      });
    }
  }
  return alerts;
}

function deviceDetails(device: AlertDeviceFacts, extra: Record<string, number>) {
  return {
    imei1: device.imei1,
    model: device.model,
    currentOfficerId: device.currentOfficerId,
    ...extra,
  };
}
