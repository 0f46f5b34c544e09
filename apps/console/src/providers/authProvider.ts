import type { LoginResponse, UserDto } from '@fleet/shared/contracts';
import { fetchUtils, HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { API_URL, apiHeaders, fetchApiJson } from './http';
import { canRoleAccess } from './permissions';
import { freshSession } from './renewal';
import { clearSession, readSession, saveSession, updateSessionUser } from './session';

export interface LoginParams {
  username: string;
  password: string;
}

/** The identity react-admin shows in the app bar, with the account's role and linked officer. */
export interface ConsoleIdentity extends UserIdentity {
  role: UserDto['role'];
  officerId: number | null;
  /** An initial password: the console shows only the password change until it is changed. */
  mustChangePassword: boolean;
}

const HTTP_UNAUTHORIZED = 401;
// The API's answer while logins of this account from this client back off.
const HTTP_TOO_MANY = 429;

function toIdentity(user: UserDto): ConsoleIdentity {
  return {
    id: user.id,
    fullName: user.username,
    role: user.role,
    officerId: user.officerId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** What the login form shows: the API's own words (in the console's language), or a translation key. */
function loginFailure(error: unknown): Error {
  if (!(error instanceof HttpError)) {
    return new Error('fleet.auth.unreachable');
  }
  const fallback = error.status === HTTP_TOO_MANY ? 'fleet.auth.locked' : 'ra.auth.sign_in_error';
  return new Error(error.message || fallback);
}

export const authProvider: AuthProvider = {
  login: async ({ username, password }: LoginParams) => {
    try {
      const response = await fetchUtils.fetchJson(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ username, password }),
        headers: apiHeaders(),
      });
      saveSession(response.json as LoginResponse, Date.now());
    } catch (error) {
      throw loginFailure(error);
    }
  },

  // Ends the session on the server (its tokens and the refresh cookie), then forgets it here.
  logout: async () => {
    if (await freshSession().catch(() => null)) {
      await fetch(`${API_URL}/auth/logout`, { method: 'POST', headers: apiHeaders() }).catch(() => undefined);
    }
    clearSession();
  },

  // After a reload the token is gone from memory: the refresh cookie brings the session back.
  checkAuth: async () => {
    if (!(await freshSession())) {
      throw new Error('ra.auth.auth_check_error');
    }
  },

  // 401: the session ended (the HTTP client has already tried to renew it), so sign out. 403 is a
  // refusal of one call, not of the session.
  checkError: (error: unknown) => {
    if (error instanceof HttpError && error.status === HTTP_UNAUTHORIZED) {
      clearSession();
      return Promise.reject(new Error('ra.auth.auth_check_error'));
    }
    return Promise.resolve();
  },

  // Asks the API rather than trusting the stored copy, so a changed role or name shows at once.
  getIdentity: async () => {
    const session = await freshSession();
    if (!session) {
      throw new Error('ra.auth.auth_check_error');
    }
    try {
      const user = await fetchApiJson<UserDto>('/auth/me');
      updateSessionUser(user);
      return toIdentity(user);
    } catch (error) {
      if (error instanceof HttpError && error.status === HTTP_UNAUTHORIZED) {
        clearSession();
        throw error;
      }
      return toIdentity(session.user);
    }
  },

  getPermissions: async () => (await freshSession())?.user.role,

  // Until an initial password is changed, nothing is offered but the change (the API refuses the rest).
  canAccess: async ({ action, resource }) => {
    const session = readSession(Date.now()) ?? (await freshSession());
    return (
      session !== null &&
      !session.user.mustChangePassword &&
      canRoleAccess(session.user.role, action, resource)
    );
  },
};
