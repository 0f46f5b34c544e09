import { isIsoDate } from '@fleet/domain/inventory';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Trims text input, so " HWK8 " and "HWK8" are the same serial number. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

function simpleDecorator(
  name: string,
  test: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  simpleDecorator(
    'isCalendarDate',
    (value) => typeof value === 'string' && isIsoDate(value),
    '$property must be a date YYYY-MM-DD',
    options,
  );

// A moment must say its offset (or Z): a bare local time would be read in the server's zone.
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 moment with an offset, e.g. 2025-12-01T09:30:00+08:00. */
export const IsMoment = (options?: ValidationOptions) =>
  simpleDecorator(
    'isMoment',
    (value) => typeof value === 'string' && MOMENT.test(value) && !Number.isNaN(Date.parse(value)),
    '$property must be an ISO 8601 moment with offset, e.g. 2025-12-01T09:30:00+08:00',
    options,
  );
