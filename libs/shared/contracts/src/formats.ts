import { KB_PER_MB } from '@fleet/domain/billing';

/**
 * How the console and the exports write a moment: China wall time, `YYYY-MM-DD HH:mm`, so a person
 * reads the same thing on every screen and in every file. China has one zone and no daylight saving.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A moment (ISO 8601) as China wall time, `YYYY-MM-DD HH:mm`; '' for none, the input when unreadable. */
export function chinaMoment(moment: string | Date | null | undefined): string {
  if (moment === null || moment === undefined || moment === '') return '';
  const time = moment instanceof Date ? moment.getTime() : Date.parse(moment);
  if (Number.isNaN(time)) return String(moment);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export { KB_PER_MB };
export const KB_PER_GB = KB_PER_MB * 1024;
