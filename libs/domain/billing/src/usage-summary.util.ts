import { type Allowance, CATEGORIES, type Category } from './overage.util';
import { formatFen } from './statement.util';
import type { UsageTotals } from './usage-rules.util';

/** Where each category's figure sits in usage totals and allowances (same shape). */
const FIELD: Record<Category, keyof UsageTotals> = {
  voice: 'voiceMin',
  sms: 'sms',
  national: 'nationalKb',
  apn: 'apnKb',
};

/** One category of a month's usage against its allowance, in the category's unit (min, messages, KB). */
export interface AllowanceUse {
  category: Category;
  used: number;
  allowance: number;
  /** What is left of the allowance; 0 once it is used up. */
  remaining: number;
  /** Used beyond the allowance (0 when within). */
  excess: number;
  over: boolean;
}

/** Usage against allowance per category (§3.3): remaining never below 0, over only strictly beyond. */
export function allowanceUses(usage: UsageTotals, allowance: Allowance): AllowanceUse[] {
  return CATEGORIES.map((category) => {
    const used = usage[FIELD[category]];
    const allowed = allowance[FIELD[category]];
    return {
      category,
      used,
      allowance: allowed,
      remaining: Math.max(0, allowed - used),
      excess: Math.max(0, used - allowed),
      over: used > allowed,
    };
  });
}

/** Fen as a yuan number with two decimals, through the exact decimal text (12345 → 123.45, never 123.44999…). */
export function fenToYuan(fen: number): number {
  return Number(formatFen(fen));
}

/** The `count` months ending with `period` (YYYY-MM), oldest first: the dashboard's trend axis. */
export function recentPeriods(period: string, count: number): string[] {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new RangeError(`not a YYYY-MM period: ${period}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be whole ≥ 0: ${count}`);
  const last = Number(match[1]) * 12 + Number(match[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = last - (count - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** The `n` largest by amount, ties by the smaller id, so the ranking is stable between calls. */
export function topByAmount<T extends { id: number; amountFen: number }>(
  items: readonly T[],
  n: number,
): T[] {
  return [...items]
    .filter((i) => i.amountFen > 0)
    .sort((a, b) => b.amountFen - a.amountFen || a.id - b.id)
    .slice(0, n);
}
