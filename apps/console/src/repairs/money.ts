import { formatFen } from '@fleet/domain/billing';

const YUAN_TEXT = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/**
 * An amount typed in yuan ("380", "380.5", "380.00") as integer fen, read digit by digit so no floating
 * point is involved; null when the text is not an amount with at most two decimals.
 */
export function yuanTextToFen(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim());
  if (!match) {
    return null;
  }
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** Fen as the yuan text an input shows: 38000 → "380.00"; anything not whole fen (empty, '') shows empty. */
export const fenToYuanText = (fen: unknown) =>
  typeof fen === 'number' && Number.isInteger(fen) ? formatFen(fen) : '';
