/**
 * The roles of api.md. Every endpoint declares which of them may call it. `admin`, `secadmin` and
 * `auditadmin` are the three separated administrators of MLPS level 3 (三员分立): the system, the
 * accounts and the audit log; an account holds one role, so never two of the three.
 */
export const ROLES = ['admin', 'secadmin', 'auditadmin', 'repair_intake', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The three administrators (三员): each comes from its own bootstrap setting and keeps its role for good. */
export const ADMINISTRATOR_ROLES = ['admin', 'secadmin', 'auditadmin'] as const satisfies readonly Role[];

/** The roles that use the bureau's data (the business roles and the system administrator). */
export const DATA_ROLES = ['admin', 'repair_intake', 'officer', 'auditor'] as const satisfies readonly Role[];
