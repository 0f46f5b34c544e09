import { dataVolume, formatFen } from '@fleet/domain/billing';

type Translate = (key: string, options?: Record<string, unknown>) => string;

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
    case 'apn': {
      // The printed statement shows the same figure (dataVolume), two decimals.
      const { value, unit } = dataVolume(amount);
      return translate(unit === 'GB' ? 'fleet.usage.unit_gb' : 'fleet.usage.unit_mb', { n: value });
    }
    default:
      return '—';
  }
}

/** Fen as yuan for people: "¥12.34". */
export const formatYuan = (fen: number) => `¥${formatFen(fen)}`;
