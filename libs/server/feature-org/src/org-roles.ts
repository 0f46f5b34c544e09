import { DATA_ROLES, type Role } from '@fleet/shared/contracts';

/** Who reads units and officers: the data roles, and the security administrator to link a login to its officer. */
export const ORG_READERS = [...DATA_ROLES, 'secadmin'] as const satisfies readonly Role[];
