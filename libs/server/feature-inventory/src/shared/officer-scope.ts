import type { Actor } from '@fleet/server/platform';

/**
 * The officer an officer login is limited to, or null for staff roles that see everything. An officer
 * login without an officer (should not exist) is limited to nobody.
 */
export function officerScope(actor: Actor): number | null {
  if (actor.role !== 'officer') return null;
  return actor.officerId ?? -1;
}
