/**
 * How long a login for one account from one client must wait after failures in a row (ASVS 5.0
 * §6.3.1, GB/T 22239 8.1.4.1 b): nothing for the first `freeFailures`, then `baseSeconds` doubling
 * with each further failure up to `maxSeconds`. A backoff, not a door: the owner from another client
 * is not held up by an attacker's failures, and no account stays shut for good.
 */
export interface BackoffPolicy {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
}

export function loginBackoffSeconds(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const steps = failures - policy.freeFailures;
  // 2^30 seconds is far beyond any cap, and keeps the arithmetic exact.
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(steps, 30));
}
