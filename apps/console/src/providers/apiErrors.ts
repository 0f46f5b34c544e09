import type { ApiFieldError } from '@fleet/shared/contracts';

/**
 * The API lists field errors as `[{field, reason}]` (api.md); react-admin shows server-side validation
 * errors under the inputs when the error body carries them as `{field: reason}`. Null when the body has
 * no field errors, so the error's message is notified instead.
 */
export function fieldErrorsOf(body: unknown): Record<string, string> | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every(isFieldError)) {
    return null;
  }
  return Object.fromEntries(errors.map(({ field, reason }) => [field, reason]));
}

function isFieldError(value: unknown): value is ApiFieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiFieldError).field === 'string' &&
    typeof (value as ApiFieldError).reason === 'string'
  );
}
