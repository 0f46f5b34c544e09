import type { Role } from '@fleet/shared/contracts';

/** The resources and pages this console shows, named as in the API's paths. */
export const CONSOLE_RESOURCES = [
  'units',
  'officers',
  'users',
  'audit-log',
  'devices',
  'sim-cards',
  'apn-profiles',
  'plans',
  'assignments',
  'lost-reports',
  'stocktakes',
  'imports',
  'lease-end',
  'alerts',
  'my-devices',
  'usage-imports',
  'periods',
  'statements',
  'usage-dashboard',
  'my-usage',
  'repair-tickets',
  'repair-intake',
  'repair-reports',
  'my-repairs',
  'contract-ledger',
  'contracts',
  'installments',
  'outages',
  'sla-credits',
  'invoices',
] as const;
export type ConsoleResource = (typeof CONSOLE_RESOURCES)[number];

// react-admin asks about these actions; anything else (a custom page, a bulk action) is treated as a change.
const READ_ACTIONS: readonly string[] = ['list', 'show', 'export'];

const INVENTORY_RECORDS: readonly ConsoleResource[] = [
  'devices',
  'sim-cards',
  'apn-profiles',
  'plans',
  'assignments',
  'lost-reports',
  'stocktakes',
  'imports',
  'lease-end',
  'alerts',
];

// Usage files, months and statements (issue 4): administrators and auditors read them all.
const BILLING_RECORDS: readonly ConsoleResource[] = [
  'usage-imports',
  'periods',
  'statements',
  'usage-dashboard',
];
// Repairs (issue 5): the intake desk and administrators take phones in and work tickets through;
// auditors read the tickets and the reports.
const REPAIR_RECORDS: readonly ConsoleResource[] = ['repair-tickets', 'repair-intake', 'repair-reports'];
const OFFICER_PAGES: readonly ConsoleResource[] = ['my-devices', 'my-usage', 'my-repairs'];
// The contract ledger (issue 13): finance (auditors) reads it, administrators record in it.
const LEDGER_RECORDS: readonly ConsoleResource[] = [
  'contract-ledger',
  'contracts',
  'installments',
  'outages',
  'sla-credits',
  'invoices',
];

// 三员分立: accounts are the security administrator's, the audit log the audit administrator's.
const SEPARATED: readonly ConsoleResource[] = ['users', 'audit-log'];

const READABLE: Record<Role, readonly ConsoleResource[]> = {
  admin: CONSOLE_RESOURCES.filter(
    (resource) => !OFFICER_PAGES.includes(resource) && !SEPARATED.includes(resource),
  ),
  // Officers and units only to pick the officer an officer's login belongs to.
  secadmin: ['users', 'officers', 'units'],
  auditadmin: ['audit-log'],
  auditor: [
    'units',
    'officers',
    ...INVENTORY_RECORDS,
    ...BILLING_RECORDS,
    'repair-tickets',
    'repair-reports',
    ...LEDGER_RECORDS,
  ],
  repair_intake: [
    'officers',
    'units',
    'devices',
    'sim-cards',
    'apn-profiles',
    'plans',
    'stocktakes',
    ...REPAIR_RECORDS,
  ],
  // An officer sees only their own device and SIMs, on a page of their own; the API refuses the rest.
  // Their statements too: the API answers an officer with their own only.
  officer: [...OFFICER_PAGES, 'statements'],
};

const WRITABLE: Record<Role, readonly ConsoleResource[]> = {
  // Nobody rewrites the audit log; alerts are computed, not written.
  admin: [
    'units',
    'officers',
    'devices',
    'sim-cards',
    'apn-profiles',
    'plans',
    'assignments',
    'lost-reports',
    'stocktakes',
    'imports',
    'lease-end',
    'usage-imports',
    'periods',
    'repair-tickets',
    'repair-intake',
    'contracts',
    'installments',
    'outages',
    'invoices',
  ],
  secadmin: ['users'],
  auditadmin: [],
  auditor: [],
  repair_intake: ['repair-tickets', 'repair-intake'],
  officer: [],
};

/** Single actions a role may take without being able to change the resource otherwise. */
const EXTRA_ACTIONS: Record<Role, Partial<Record<ConsoleResource, readonly string[]>>> = {
  admin: {},
  secadmin: {},
  auditadmin: {},
  auditor: {},
  // Repair intake counts phones in the field: it scans into a stocktake an administrator has started.
  repair_intake: { stocktakes: ['scan'] },
  // An officer answers their own statements; nobody else does (the API refuses others). They open their
  // own repair tickets from 我的报修 (the API answers them with their own only), without the tickets' list.
  officer: { statements: ['acknowledge', 'dispute'], 'repair-tickets': ['show'] },
};

/** Actions a role may not take although it may otherwise change the resource. */
const DENIED_ACTIONS: Partial<Record<Role, Partial<Record<ConsoleResource, readonly string[]>>>> = {
  // Only an administrator changes who is liable for a repair (domain.md §3.2), and only an administrator
  // (another than the one who asked) approves a charge that waits (issue 12 item 9).
  repair_intake: { 'repair-tickets': ['override_liability', 'approve_charge'] },
};

/** What a role may do in the console: it hides what the API would refuse, and the API still enforces it. */
export function canRoleAccess(role: Role, action: string, resource: string): boolean {
  if (DENIED_ACTIONS[role]?.[resource as ConsoleResource]?.includes(action)) {
    return false;
  }
  if (EXTRA_ACTIONS[role][resource as ConsoleResource]?.includes(action)) {
    return true;
  }
  const allowed = READ_ACTIONS.includes(action) ? READABLE[role] : WRITABLE[role];
  return allowed.some((name) => name === resource);
}
