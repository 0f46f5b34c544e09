import type { LoginResponse } from '@fleet/shared/contracts';

import { clearSession, readSession, saveSession, type Session } from './session';

/** Renew this long before the access token runs out, so a call never leaves with a stale one. */
const RENEW_MARGIN_MS = 60_000;

let inFlight: Promise<Session | null> | null = null;

/**
 * A new access token from the refresh cookie (POST /api/auth/refresh), one request at a time however
 * many calls ask. Null when the session has ended (logout, timeout, an account change): sign in again.
 * Renewal happens only when the console calls the API, so an idle console lets the session time out.
 */
export function renewSession(): Promise<Session | null> {
  inFlight ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        clearSession();
        return null;
      }
      return saveSession((await response.json()) as LoginResponse, Date.now());
    } catch {
      return null;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** The session with an access token good for a while yet, renewed when it is about to run out. */
export async function freshSession(): Promise<Session | null> {
  const session = readSession(Date.now() + RENEW_MARGIN_MS);
  return session ?? renewSession();
}
