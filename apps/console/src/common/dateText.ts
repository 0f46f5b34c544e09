import { isIsoDate } from '@fleet/domain/inventory';
import { chinaMoment } from '@fleet/shared/contracts';

// The console's one date format (YYYY-MM-DD) and one moment format (YYYY-MM-DD HH:mm, China time), typed.

/** A real day of the calendar in `YYYY-MM-DD` (not 2026-02-30): the domain's own check. */
export const isCalendarDate = (text: string): boolean => isIsoDate(text);

const CHINA_MOMENT = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/;
export const ISO_WITH_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `YYYY-MM-DD HH:mm` China time as the API's moment (+08:00); other text is kept for the validator. */
export function momentOfChinaText(text: string): string | null {
  if (!text) return null;
  const match = CHINA_MOMENT.exec(text.trim());
  if (!match || !isCalendarDate(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59) return text;
  return `${match[1]}T${match[2]}:${match[3]}:00+08:00`;
}

/** A moment from the API as China time text; text being typed is shown as typed. */
export const chinaTextOfMoment = (value: string | null | undefined): string =>
  value ? (ISO_WITH_ZONE.test(value) ? chinaMoment(value) : value) : '';
