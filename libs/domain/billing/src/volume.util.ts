import { KB_PER_GB, KB_PER_MB } from './overage.util';

/**
 * Data stored in KB as a person reads it: GB from 1 GB up, else MB, two decimals (21819392 KB →
 * 20.81 GB). The screen and the printed documents both use it, so they show the same figure.
 */
export function dataVolume(kb: number): { value: string; unit: 'GB' | 'MB' } {
  return kb >= KB_PER_GB
    ? { value: (kb / KB_PER_GB).toFixed(2), unit: 'GB' }
    : { value: (kb / KB_PER_MB).toFixed(2), unit: 'MB' };
}

/** `20.81 GB`. */
export const formatDataVolume = (kb: number): string => {
  const { value, unit } = dataVolume(kb);
  return `${value} ${unit}`;
};
