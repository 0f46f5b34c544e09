/**
 * Counting usage from detail records (domain.md §3.4): outgoing calls only, each rounded up to whole
 * minutes; sent messages only; a data session on the SIM's APN profile's APN name is APN data, any
 * other is national data.
 */
export const RECORD_TYPES = ['voice', 'sms', 'data'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A call of 61 s is 2 minutes; a 0 s call is 0. */
export function billableMinutes(durationS: number): number {
  if (!Number.isInteger(durationS) || durationS < 0)
    throw new RangeError(`duration must be whole seconds ≥ 0: ${durationS}`);
  return Math.ceil(durationS / 60);
}

export interface DetailRecord {
  type: RecordType;
  direction: Direction | null;
  durationS: number | null;
  volumeKb: number | null;
  apn: string | null;
}

export interface UsageTotals {
  voiceMin: number;
  sms: number;
  nationalKb: number;
  apnKb: number;
}

export const ZERO_USAGE: UsageTotals = Object.freeze({ voiceMin: 0, sms: 0, nationalKb: 0, apnKb: 0 });

function sameApn(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What one detail record adds to a SIM's month. */
export function usageOf(record: DetailRecord, simApn: string | null): UsageTotals {
  switch (record.type) {
    case 'voice':
      return {
        ...ZERO_USAGE,
        voiceMin: record.direction === 'out' ? billableMinutes(record.durationS ?? 0) : 0,
      };
    case 'sms':
      return { ...ZERO_USAGE, sms: record.direction === 'out' ? 1 : 0 };
    case 'data':
      return sameApn(record.apn, simApn)
        ? { ...ZERO_USAGE, apnKb: record.volumeKb ?? 0 }
        : { ...ZERO_USAGE, nationalKb: record.volumeKb ?? 0 };
  }
}

export function addUsage(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    voiceMin: a.voiceMin + b.voiceMin,
    sms: a.sms + b.sms,
    nationalKb: a.nationalKb + b.nationalKb,
    apnKb: a.apnKb + b.apnKb,
  };
}

/** The key by which the same record imported twice counts once (§3.4). */
export function detailRecordKey(r: {
  msisdn: string;
  type: RecordType;
  startAt: Date;
  direction: Direction | null;
  counterpart: string | null;
}): string {
  return [r.msisdn, r.type, r.startAt.toISOString(), r.direction ?? '', r.counterpart ?? ''].join('|');
}

/** A stored detail record: where it came from (import and row) and what it says. */
export interface StoredDetailRecord extends DetailRecord {
  importId: number;
  rowNo: number;
  /** Whether its import succeeded: the records of an import that has not (yet) do not count. */
  importSucceeded: boolean;
  msisdn: string;
  startAt: Date;
  counterpart: string | null;
}

/**
 * The records that count (§3.4), the one rule the database's `counted_usage_records` (migration
 * CountedUsage) applies too: only those of succeeded imports; of the records with the same key, the one
 * of the latest import, and within it the latest row.
 */
export function recordsThatCount<T extends StoredDetailRecord>(records: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of records) {
    if (!r.importSucceeded) continue;
    const key = detailRecordKey(r);
    const kept = latest.get(key);
    if (!kept || r.importId > kept.importId || (r.importId === kept.importId && r.rowNo > kept.rowNo))
      latest.set(key, r);
  }
  return [...latest.values()];
}

/** A month's usage per number from its stored detail records (§3.4): what the monthly totals hold. */
export function monthUsageOf(
  records: readonly StoredDetailRecord[],
  simApnOf: (msisdn: string) => string | null,
): Map<string, UsageTotals> {
  const totals = new Map<string, UsageTotals>();
  for (const r of recordsThatCount(records))
    totals.set(r.msisdn, addUsage(totals.get(r.msisdn) ?? ZERO_USAGE, usageOf(r, simApnOf(r.msisdn))));
  return totals;
}

/** A record's billing month: the month of its start in China Standard Time (UTC+8). */
export function periodOf(moment: Date): string {
  const shifted = new Date(moment.getTime() + 8 * 3_600_000);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first moment of a month and of the next, in UTC+8, as instants. */
export function periodBounds(period: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) throw new RangeError(`not a YYYY-MM period: ${period}`);
  const [year, month] = [Number(match[1]), Number(match[2])];
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000),
    end: new Date(Date.UTC(year, month, 1) - 8 * 3_600_000),
  };
}
