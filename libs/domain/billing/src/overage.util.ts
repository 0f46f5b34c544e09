import type { UsageTotals } from './usage-rules.util';

/** Overage categories (§3.5). */
export const CATEGORIES = ['voice', 'sms', 'national', 'apn'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PAYERS = ['officer', 'bureau'] as const;
export type Payer = (typeof PAYERS)[number];

export const KB_PER_MB = 1024;
export const KB_PER_GB = 1024 * 1024;

/** A plan's monthly allowance (§3.3), a setting of the plan. */
export interface Allowance {
  voiceMin: number;
  sms: number;
  nationalKb: number;
  apnKb: number;
}

/** Prices in fen (§3.5 defaults: voice 19 per minute, SMS 10 per message, data 300 per started GB). */
export interface Tariff {
  voiceFenPerMin: number;
  smsFenPerMessage: number;
  nationalFenPerStartedGb: number;
  apnFenPerStartedGb: number;
}

export type PayerPolicy = Record<Category, Payer>;

export const DEFAULT_TARIFF: Tariff = {
  voiceFenPerMin: 19,
  smsFenPerMessage: 10,
  nationalFenPerStartedGb: 300,
  apnFenPerStartedGb: 300,
};

export const DEFAULT_PAYER_POLICY: PayerPolicy = {
  voice: 'officer',
  sms: 'officer',
  national: 'officer',
  apn: 'bureau',
};

export const CONTRACT_ALLOWANCE: Allowance = {
  voiceMin: 1500,
  sms: 100,
  nationalKb: 20 * KB_PER_GB,
  apnKb: 50 * KB_PER_GB,
};

export interface CategoryOverage {
  category: Category;
  used: number;
  allowance: number;
  /** In the category's unit: minutes, messages or KB. */
  excess: number;
  /** What is charged: minutes, messages, or started GB. */
  chargedUnits: number;
  amountFen: number;
  payer: Payer;
}

const USED: Record<Category, keyof UsageTotals> = {
  voice: 'voiceMin',
  sms: 'sms',
  national: 'nationalKb',
  apn: 'apnKb',
};

/** What an excess is charged as: minutes, messages, or started GB of data (1 KB over = 1 GB). */
export function chargedUnitsFor(category: Category, excess: number): number {
  return category === 'national' || category === 'apn' ? Math.ceil(excess / KB_PER_GB) : excess;
}

/** Excess = max(0, used − allowance); data is charged per started GB (1 KB over = 1 GB). */
export function overageFor(
  category: Category,
  usage: UsageTotals,
  allowance: Allowance,
  tariff: Tariff,
  policy: PayerPolicy,
): CategoryOverage {
  const used = usage[USED[category]];
  const allowed = allowance[USED[category]];
  const excess = Math.max(0, used - allowed);
  const chargedUnits = chargedUnitsFor(category, excess);
  const unitPrice = {
    voice: tariff.voiceFenPerMin,
    sms: tariff.smsFenPerMessage,
    national: tariff.nationalFenPerStartedGb,
    apn: tariff.apnFenPerStartedGb,
  }[category];
  return {
    category,
    used,
    allowance: allowed,
    excess,
    chargedUnits,
    amountFen: chargedUnits * unitPrice,
    payer: policy[category],
  };
}

export function overagesFor(
  usage: UsageTotals,
  allowance: Allowance,
  tariff: Tariff,
  policy: PayerPolicy,
): CategoryOverage[] {
  return CATEGORIES.map((c) => overageFor(c, usage, allowance, tariff, policy));
}

/** The tariff or policy version in force for a month: the latest whose effective month is not after it. */
export function versionFor<T extends { effectiveFrom: string }>(
  period: string,
  versions: readonly T[],
): T | null {
  return (
    [...versions]
      .filter((v) => v.effectiveFrom <= period)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null
  );
}
