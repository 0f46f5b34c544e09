import { formatFen } from '@fleet/domain/billing';
import { KB_PER_GB, KB_PER_MB } from '@fleet/shared/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Two decimals for data sizes: enough for a person, the statement's amount is exact anyway. */
const twoDecimals = (value: number) => value.toFixed(2);

/**
 * An amount of usage in the unit a person reads: minutes, messages, and data (stored in KB) in GB from
 * 1 GB up, else in MB. A repair line has no usage figure.
 */
export function formatUsage(category: string, amount: number, translate: Translate): string {
  switch (category) {
    case 'voice':
      return translate('fleet.usage.unit_min', { n: amount });
    case 'sms':
      return translate('fleet.usage.unit_sms', { n: amount });
    case 'national':
    case 'apn':
      return amount >= KB_PER_GB
        ? translate('fleet.usage.unit_gb', { n: twoDecimals(amount / KB_PER_GB) })
        : translate('fleet.usage.unit_mb', { n: twoDecimals(amount / KB_PER_MB) });
    default:
      return '—';
  }
}

/** Fen as yuan for people: "¥12.34". */
export const formatYuan = (fen: number) => `¥${formatFen(fen)}`;
