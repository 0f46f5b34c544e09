import type { Role } from '@fleet/shared/contracts';

/** The bureau's staff roles: everyone but an officer, who sees only their own device and SIM. */
export const STAFF = ['admin', 'repair_intake', 'auditor'] as const satisfies readonly Role[];
