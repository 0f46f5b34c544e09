/**
 * Announced by the worker when a usage import has succeeded (loaded as one job or, chunked, at its
 * finish), after it committed: its month's records and totals now count. Billing closes the month
 * again if it was closed (amended statements). At least once: a job that runs again on an import
 * already succeeded announces it again, so a listener must be idempotent.
 */
export const USAGE_IMPORT_SUCCEEDED = 'usage.import.succeeded';

export interface UsageImportSucceeded {
  importId: number;
  /** The month the import's records belong to (YYYY-MM). */
  period: string;
}
