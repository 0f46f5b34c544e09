import type { LoginResponse, UserDto } from '@fleet/shared/contracts';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';

import { fetchApiJson } from './http';
import { canRoleAccess } from './permissions';
import { clearSession, readSession, saveSession, updateSessionUser } from './session';

export interface LoginParams {
  username: string;
  password: string;
}

/** The identity react-admin shows in the app bar, with the account's role and linked officer. */
export interface ConsoleIdentity extends UserIdentity {
  role: UserDto['role'];
  officerId: number | null;
}

const HTTP_UNAUTHORIZED = 401;
// The API's answer for an account locked after repeated failed logins.
const HTTP_LOCKED = 423;

function toIdentity(user: UserDto): ConsoleIdentity {
  return { id: user.id, fullName: user.username, role: user.role, officerId: user.officerId };
}

/** What the login form shows: the API's own words (in the console's language), or a translation key. */
function loginFailure(error: unknown): Error {
  if (!(error instanceof HttpError)) {
    return new Error('fleet.auth.unreachable');
  }
  const fallback = error.status === HTTP_LOCKED ? 'fleet.auth.locked' : 'ra.auth.sign_in_error';
  return new Error(error.message || fallback);
}

export const authProvider: AuthProvider = {
  login: async ({ username, password }: LoginParams) => {
    try {
      const response = await fetchApiJson<LoginResponse>('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      saveSession(response, Date.now());
    } catch (error) {
      throw loginFailure(error);
    }
  },

  logout: () => {
    clearSession();
    return Promise.resolve();
  },

  checkAuth: () =>
    readSession(Date.now()) ? Promise.resolve() : Promise.reject(new Error('ra.auth.auth_check_error')),

  // 401: the token expired or was revoked, so sign out. 403 is a refusal of one call, not of the session.
  checkError: (error: unknown) => {
    if (error instanceof HttpError && error.status === HTTP_UNAUTHORIZED) {
      clearSession();
      return Promise.reject(new Error('ra.auth.auth_check_error'));
    }
    return Promise.resolve();
  },

  // Asks the API rather than trusting the stored copy, so a changed role or name shows after a reload.
  getIdentity: async () => {
    const session = readSession(Date.now());
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

  getPermissions: () => Promise.resolve(readSession(Date.now())?.user.role),

  canAccess: ({ action, resource }) => {
    const session = readSession(Date.now());
    return Promise.resolve(session !== null && canRoleAccess(session.user.role, action, resource));
  },
};
