import type { Role } from '@fleet/shared/contracts';

/** Finance reads the ledger (auditors), only the bureau's admins record in it. */
export const LEDGER_READERS: readonly [Role, ...Role[]] = ['admin', 'auditor'];
export const LEDGER_WRITERS: readonly [Role, ...Role[]] = ['admin'];
