import type { Role } from '@fleet/shared/contracts';

/** The resources this console shows, named as in the API's paths. */
export const CONSOLE_RESOURCES = ['units', 'officers', 'users', 'audit-log'] as const;
export type ConsoleResource = (typeof CONSOLE_RESOURCES)[number];

// react-admin asks about these actions; anything else (a custom page, a bulk action) is treated as a change.
const READ_ACTIONS: readonly string[] = ['list', 'show', 'export'];

const READABLE: Record<Role, readonly ConsoleResource[]> = {
  admin: CONSOLE_RESOURCES,
  // api.md lets auditors read user accounts too; the console keeps account management to administrators.
  auditor: ['units', 'officers', 'audit-log'],
  repair_intake: ['officers', 'units'],
  // An officer's own device, SIMs and statements are not in the console yet.
  officer: [],
};

const WRITABLE: Record<Role, readonly ConsoleResource[]> = {
  // Nobody rewrites the audit log.
  admin: ['units', 'officers', 'users'],
  auditor: [],
  repair_intake: [],
  officer: [],
};

/** What a role may do in the console: it hides what the API would refuse, and the API still enforces it. */
export function canRoleAccess(role: Role, action: string, resource: string): boolean {
  const allowed = READ_ACTIONS.includes(action) ? READABLE[role] : WRITABLE[role];
  return allowed.some((name) => name === resource);
}
