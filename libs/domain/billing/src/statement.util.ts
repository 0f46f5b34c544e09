import { CATEGORIES, type Category, type CategoryOverage, chargedUnitsFor, type Payer } from './overage.util';
import { type ShareBasis, splitAmount } from './split.util';

/** Fen as yuan with two decimals, by integer arithmetic (no floating point): 12345 → "123.45". */
export function formatFen(fen: number): string {
  if (!Number.isInteger(fen)) throw new RangeError(`fen must be whole: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** How a SIM's charge in a category is shared: by usage (detail records) or days held (summary only). */
export type BasisKind = 'usage' | 'days';

/** One SIM's overage in a category, with the holders' share bases for an officer-paid split. */
export interface SimCharge {
  simId: number;
  overage: CategoryOverage;
  basisKind: BasisKind;
  bases: readonly ShareBasis<number>[];
}

export interface StatementLineDraft {
  simId: number;
  category: Category;
  used: number;
  allowance: number;
  excess: number;
  amountFen: number;
  payer: Payer;
  basis: {
    kind: BasisKind | 'whole';
    weight: number | null;
    totalWeight: number | null;
    simAmountFen: number;
  };
}

/** Statement lines by holder: an officer's id, or null for the bureau's own summary. */
export type StatementDrafts = Map<number | null, StatementLineDraft[]>;

/**
 * Who pays what (§3.5): a bureau-paid charge goes whole to the bureau; an officer-paid one is split
 * between the holders by their bases, the unheld share going to the bureau. Charges of 0 issue no line.
 */
export function statementDrafts(charges: readonly SimCharge[]): StatementDrafts {
  const drafts: StatementDrafts = new Map();
  const add = (holder: number | null, line: StatementLineDraft) => {
    drafts.set(holder, [...(drafts.get(holder) ?? []), line]);
  };
  for (const { simId, overage, basisKind, bases } of charges) {
    if (overage.amountFen <= 0) continue;
    const { category, used, allowance, excess, amountFen: simAmountFen, payer } = overage;
    const figures = { simId, category, used, allowance, excess, payer };
    if (payer === 'bureau') {
      add(null, {
        ...figures,
        amountFen: simAmountFen,
        basis: { kind: 'whole', weight: null, totalWeight: null, simAmountFen },
      });
      continue;
    }
    const totalWeight = bases.reduce((sum, b) => sum + b.weight, 0);
    const shares = splitAmount(
      simAmountFen,
      bases.length ? bases : [{ holder: null, weight: 0, since: new Date(0) }],
    );
    shares.forEach((share, i) => {
      if (share.amountFen === 0) return;
      add(share.holder, {
        ...figures,
        amountFen: share.amountFen,
        basis: { kind: basisKind, weight: bases[i]?.weight ?? 0, totalWeight, simAmountFen },
      });
    });
  }
  return drafts;
}

export const totalFen = (lines: readonly { amountFen: number }[]) =>
  lines.reduce((sum, l) => sum + l.amountFen, 0);

const lineKey = (l: Omit<StatementLineDraft, 'basis'>) =>
  [l.simId, l.category, l.used, l.allowance, l.excess, l.amountFen, l.payer].join('|');

/** Whether two sets of lines bill the same (order aside): an unchanged statement is not reissued. */
export function sameLines(
  a: readonly Omit<StatementLineDraft, 'basis'>[],
  b: readonly Omit<StatementLineDraft, 'basis'>[],
): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(lineKey).sort();
  const right = b.map(lineKey).sort();
  return left.every((k, i) => k === right[i]);
}

/** How an issued line's amount was found, as the printed statement explains it (§3.5). */
export interface ChargeComputation {
  category: Category;
  /** Minutes, messages or started GB. */
  chargedUnits: number;
  /** The price the close used: the SIM's charge ÷ the units charged. */
  unitPriceFen: number;
  /** The SIM's whole charge in the category: chargedUnits × unitPriceFen. */
  simAmountFen: number;
  /** This statement's share of it; null when the line carries the whole charge. */
  share: { kind: BasisKind; weight: number; totalWeight: number } | null;
}

/**
 * Reads a statement line back into its computation: excess → units charged (data per started GB) ×
 * the price = the SIM's charge, then the holder's share by usage or days held. The figures come from
 * the line as issued (its basis records the SIM's charge), so a later tariff does not rewrite it.
 * A repair line (or any other category) has none.
 */
export function chargeComputation(line: {
  category: string;
  excess: number;
  amountFen: number;
  basis: Record<string, string | number | null | undefined>;
}): ChargeComputation | null {
  const category = CATEGORIES.find((c) => c === line.category);
  if (!category) return null;
  const chargedUnits = chargedUnitsFor(category, line.excess);
  const { kind, weight, totalWeight, simAmountFen } = line.basis;
  const simFen = typeof simAmountFen === 'number' ? simAmountFen : line.amountFen;
  const shared =
    (kind === 'usage' || kind === 'days') &&
    typeof weight === 'number' &&
    typeof totalWeight === 'number' &&
    totalWeight > 0 &&
    line.amountFen !== simFen;
  return {
    category,
    chargedUnits,
    unitPriceFen: chargedUnits > 0 ? Math.round(simFen / chargedUnits) : 0,
    simAmountFen: simFen,
    share: shared ? { kind, weight, totalWeight } : null,
  };
}
