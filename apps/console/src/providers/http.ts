import { fetchUtils, HttpError } from 'react-admin';

import { fieldErrorsOf } from './apiErrors';
import { currentLocale } from './i18nProvider';
import { freshSession, renewSession } from './renewal';
import { readSession } from './session';

export const API_URL = '/api';

const HTTP_UNAUTHORIZED = 401;

/** Every call names the console's language (the API localizes field errors by it) and, once signed in, the token. */
export function apiHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init);
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json');
  }
  headers.set('Accept-Language', currentLocale());
  const session = readSession(Date.now());
  if (session) {
    headers.set('Authorization', `Bearer ${session.accessToken}`);
  }
  return headers;
}

/**
 * Sends a call with a fresh access token; if the API still answers 401 (the token was ended early),
 * renews once and sends it again. A second 401 means the session is over.
 */
export async function withSession<T>(send: () => Promise<T>): Promise<T> {
  await freshSession();
  try {
    return await send();
  } catch (error) {
    if (error instanceof HttpError && error.status === HTTP_UNAUTHORIZED && (await renewSession())) {
      return send();
    }
    throw error;
  }
}

/** One call to the API, answered with JSON of the given shape (not checked: the API is the contract). */
export async function fetchApiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await withSession(() =>
    fetchUtils.fetchJson(`${API_URL}${path}`, { ...init, headers: apiHeaders(init.headers) }),
  );
  return response.json as T;
}

/** The data provider's HTTP client: the headers above, and field errors in react-admin's shape (apiErrors.ts). */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await withSession(() =>
      fetchUtils.fetchJson(url, { ...options, headers: apiHeaders(options.headers) }),
    );
  } catch (error) {
    throw withFieldErrors(error);
  }
}

function withFieldErrors(error: unknown): unknown {
  if (!(error instanceof HttpError)) {
    return error;
  }
  const errors = fieldErrorsOf(error.body);
  return errors ? new HttpError(error.message, error.status, { ...(error.body as object), errors }) : error;
}

/** One call through httpClient: a JSON body (FormData as it is), answered with JSON of the given shape. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await httpClient(`${API_URL}${path}`, {
    method,
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json as T;
}

export const postApi = <T>(path: string, body: unknown = {}) => callApi<T>('POST', path, body);
