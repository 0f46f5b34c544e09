import { luhnCheckDigit } from '@fleet/domain/identifiers';

/** What the helpers need of tools/test's ApiClient. */
export interface Requester {
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

/** Helpers for the inventory's HTTP tests: valid identifiers and terse requests. Not used by the app. */
export const withLuhn = (payload: string) => `${payload}${luhnCheckDigit(payload)}`;

let serial = 0;
/** A fresh pair of valid IMEIs and a serial number. */
export function deviceIdentity() {
  serial += 1;
  const base = `86791206${String(serial).padStart(4, '0')}`;
  return { imei1: withLuhn(`${base}00`), imei2: withLuhn(`${base}10`), serialNumber: `HWTEST${serial}` };
}

let simSerial = 0;
export function simIdentity() {
  simSerial += 1;
  return {
    iccid: withLuhn(`898600000000${String(simSerial).padStart(7, '0')}`),
    msisdn: `1478${String(simSerial).padStart(7, '0')}`,
  };
}

export async function body<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Sends a request and fails with the answer's body when the status is not the one expected. */
export async function expectStatus<T = unknown>(
  client: Requester,
  status: number,
  method: string,
  path: string,
  payload?: unknown,
): Promise<T> {
  const response = await client.request(method, path, payload);
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`${method} ${path}: want ${status}, got ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const filterQuery = (filter: object, extra: Record<string, string> = {}) =>
  `?${new URLSearchParams({ filter: JSON.stringify(filter), ...extra }).toString()}`;
