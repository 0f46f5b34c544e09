import { ROLES, type LoginResponse, type UserDto } from '@fleet/shared/contracts';

/** The signed-in person: the API's bearer token, when it stops being valid, and who it belongs to. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: UserDto;
}

const SESSION_STORAGE_KEY = 'fleet.console.session';

export function saveSession(response: LoginResponse, now: number): Session {
  const session: Session = {
    accessToken: response.accessToken,
    expiresAt: now + response.expiresIn * 1000,
    user: response.user,
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  return session;
}

export function updateSessionUser(user: UserDto): void {
  const session = readSession(Date.now());
  if (session) {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...session, user }));
  }
}

/** The stored session, or null when there is none, it is unreadable or it has expired. */
export function readSession(now: number): Session | null {
  const raw = localStorage.getItem(SESSION_STORAGE_KEY);
  if (raw === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) && parsed.expiresAt > now ? parsed : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  localStorage.removeItem(SESSION_STORAGE_KEY);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.expiresAt === 'number' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null &&
    ROLES.includes(candidate.user.role)
  );
}
