import { JobName, type JobPayloads } from '@fleet/server/queue';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<unknown>;

/**
 * Checks that every job the system defines has exactly one handler, so the worker refuses to start
 * rather than leave a kind of job waiting forever.
 */
export function checkHandlerCoverage(registered: JobName[]): void {
  const missing = Object.values(JobName).filter((name) => !registered.includes(name));
  const doubled = registered.filter((name, i) => registered.indexOf(name) !== i);
  if (missing.length || doubled.length) {
    throw new Error(
      [
        missing.length ? `no handler for job(s): ${missing.join(', ')}` : '',
        doubled.length ? `more than one handler for: ${doubled.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
}
