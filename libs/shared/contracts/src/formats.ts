/**
 * How the console and the exports write dates, moments and volumes: one format each, so a person reads
 * the same thing on every screen and in every file. China has one zone and no daylight saving, so China
 * time is UTC+8 everywhere.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A moment (ISO 8601) as China wall time, `YYYY-MM-DD HH:mm`; '' for none, the input when unreadable. */
export function chinaMoment(moment: string | Date | null | undefined): string {
  if (moment === null || moment === undefined || moment === '') return '';
  const time = moment instanceof Date ? moment.getTime() : Date.parse(moment);
  if (Number.isNaN(time)) return String(moment);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The China calendar day of a moment, `YYYY-MM-DD`. */
export function chinaDate(moment: string | Date): string {
  return chinaMoment(moment).slice(0, 10);
}

export const KB_PER_MB = 1024;
export const KB_PER_GB = 1024 * 1024;

/** A volume in integer KB as a person reads it: GB from 1 GB up, MB below, two decimals at most. */
export function formatVolumeKb(kb: number | null | undefined): string {
  if (kb === null || kb === undefined) return '';
  const [amount, unit] = Math.abs(kb) >= KB_PER_GB ? [kb / KB_PER_GB, 'GB'] : [kb / KB_PER_MB, 'MB'];
  return `${Number(amount.toFixed(2)).toLocaleString('en-US')} ${unit}`;
}

/** The `YYYY-MM-DD` shape of a calendar date. */
export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
