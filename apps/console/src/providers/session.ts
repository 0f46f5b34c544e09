import { ROLES, type LoginResponse, type UserDto } from '@fleet/shared/contracts';

/**
 * The signed-in person: the API's short-lived access token, when it stops being valid, and who it
 * belongs to. Kept in memory only (a script injected into the page finds no token in storage); the
 * session itself lives on in the httpOnly refresh cookie, which renews it after a reload.
 */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: UserDto;
}

let current: Session | null = null;

export function saveSession(response: LoginResponse, now: number): Session {
  current = {
    accessToken: response.accessToken,
    expiresAt: now + response.expiresIn * 1000,
    user: response.user,
  };
  return current;
}

export function updateSessionUser(user: UserDto): void {
  if (current) {
    current = { ...current, user };
  }
}

/** The session, or null when there is none or its access token has expired. */
export function readSession(now: number): Session | null {
  return current && current.expiresAt > now && isSession(current) ? current : null;
}

export function clearSession(): void {
  current = null;
}

function isSession(value: Session): boolean {
  return typeof value.accessToken === 'string' && ROLES.includes(value.user.role);
}
