/** The four roles of api.md. Every endpoint declares which of them may call it. */
export const ROLES = ['admin', 'repair_intake', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
