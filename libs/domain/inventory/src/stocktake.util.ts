/**
 * A count (清点) of the devices a unit should have. Pure: the caller loads units, devices and scans.
 */

export interface UnitNode {
  id: number;
  parentId: number | null;
}

/** The unit and all its sub-units, however deep. */
export function unitSubtree(units: readonly UnitNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const subtree = new Set<number>();
  const queue = [rootId];
  // The set also guards against a cycle in bad data.
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (subtree.has(next)) continue;
    subtree.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return subtree;
}

export interface StocktakeDevice {
  id: number;
  status: string;
  /** The unit of the officer holding the device; null when nobody holds it. */
  holderUnitId: number | null;
  /** The unit keeping the device while nobody holds it. */
  unitId: number | null;
}

/**
 * The devices a count expects, in id order: a held device belongs where its holder serves, an unheld
 * one where it is kept; `unitIds` null counts the whole bureau. Retired devices are never expected.
 */
export function stocktakeExpected(
  devices: readonly StocktakeDevice[],
  unitIds: ReadonlySet<number> | null,
): number[] {
  return devices
    .filter((d) => d.status !== 'retired')
    .filter((d) => {
      if (unitIds === null) return true;
      const unitId = d.holderUnitId ?? d.unitId;
      return unitId !== null && unitIds.has(unitId);
    })
    .map((d) => d.id)
    .sort((a, b) => a - b);
}

export interface StocktakeScan {
  imei: string;
  /** The device whose IMEI 1 or 2 matched; null for an IMEI no device has. */
  deviceId: number | null;
}

export interface StocktakeOutcome {
  /** Expected and scanned. */
  found: number[];
  /** Expected, not scanned. */
  missing: number[];
  /** Scanned, not expected (盘盈). */
  unexpected: number[];
  /** Scanned IMEIs that match no device. */
  unknownImeis: string[];
}

/** Splits a count's scans against its expected devices; expected = found + missing. */
export function stocktakeOutcome(
  expected: readonly number[],
  scans: readonly StocktakeScan[],
): StocktakeOutcome {
  const expectedSet = new Set(expected);
  const scanned = new Set(scans.flatMap((s) => (s.deviceId === null ? [] : [s.deviceId])));
  const byId = (a: number, b: number) => a - b;
  return {
    found: [...expectedSet].filter((id) => scanned.has(id)).sort(byId),
    missing: [...expectedSet].filter((id) => !scanned.has(id)).sort(byId),
    unexpected: [...scanned].filter((id) => !expectedSet.has(id)).sort(byId),
    unknownImeis: [...new Set(scans.filter((s) => s.deviceId === null).map((s) => s.imei))].sort(),
  };
}

export type ScanOutcome = 'found' | 'unexpected' | 'unknown';

/** What one scan means for the count, shown to the person scanning. */
export function scanOutcome(expected: readonly number[], deviceId: number | null): ScanOutcome {
  if (deviceId === null) return 'unknown';
  return expected.includes(deviceId) ? 'found' : 'unexpected';
}
