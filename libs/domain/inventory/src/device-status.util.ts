export const DEVICE_STATUSES = ['in_stock', 'assigned', 'in_repair', 'lost', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const DEVICE_OWNERSHIPS = ['leased', 'bureau'] as const;
export type DeviceOwnership = (typeof DEVICE_OWNERSHIPS)[number];

export const DEVICE_EVENTS = [
  'assign',
  'return',
  'repair_in',
  'repair_out',
  'lost',
  'found',
  'retire',
] as const;
export type DeviceEvent = (typeof DEVICE_EVENTS)[number];

/** What each custody or repair event does to a device's status; a missing entry is not allowed. */
const TRANSITIONS: Record<DeviceEvent, Partial<Record<DeviceStatus, DeviceStatus>>> = {
  assign: { in_stock: 'assigned' },
  return: { assigned: 'in_stock' },
  repair_in: { in_stock: 'in_repair', assigned: 'in_repair' },
  repair_out: { in_repair: 'in_stock' },
  lost: { in_stock: 'lost', assigned: 'lost', in_repair: 'lost' },
  found: { lost: 'in_stock' },
  retire: { in_stock: 'retired', lost: 'retired', in_repair: 'retired' },
};

export function nextDeviceStatus(current: DeviceStatus, event: DeviceEvent): DeviceStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export const SIM_STATUSES = ['inactive', 'active', 'suspended', 'terminated'] as const;
export type SimStatus = (typeof SIM_STATUSES)[number];

export const SIM_SLOTS = [1, 2] as const;
export type SimSlot = (typeof SIM_SLOTS)[number];
