import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';

import type { FleetDataProvider } from '../providers/dataProvider';

/** The API's refusal as a person should read it: its message (already in the console's language). */
export function errorMessageOf(error: unknown): string {
  if (error instanceof HttpError || error instanceof Error) {
    return error.message || 'ra.notification.http_error';
  }
  return 'ra.notification.http_error';
}

/** The field errors of a refusal as the httpClient shaped them ({field: reason}), for a form to show. */
export function fieldErrorsOfError(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof HttpError)) {
    return undefined;
  }
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  return errors && typeof errors === 'object' && !Array.isArray(errors)
    ? (errors as Record<string, string>)
    : undefined;
}

/**
 * Runs one of the API's actions: notifies the outcome (the API's own message when it refuses) and
 * refreshes what is on screen, since an action changes more than one record.
 */
export function useApiAction() {
  const dataProvider = useDataProvider<FleetDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = async <T>(
    action: (provider: FleetDataProvider) => Promise<T>,
    successMessage: string | null = 'fleet.notifications.done',
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
    setPending(true);
    try {
      const value = await action(dataProvider);
      if (successMessage) {
        notify(successMessage, { type: 'success' });
      }
      refresh();
      return { ok: true, value };
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
      return { ok: false, error };
    } finally {
      setPending(false);
    }
  };

  return { run, pending, dataProvider };
}

/** A form's values without the inputs left empty, so optional fields are left out rather than sent as null. */
export function withoutEmpty<V extends object>(values: V): Partial<V> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as Partial<V>;
}
