import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { isIsoDate } from '@fleet/domain/inventory';
import { Transform } from 'class-transformer';
import { getMetadataStorage, IsDefined, registerDecorator, type ValidationOptions } from 'class-validator';

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

// Where @ApiProperty keeps a property's documentation (@nestjs/swagger's DECORATORS.API_MODEL_PROPERTIES).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * The properties of a DTO that must not be null: each one validated that its documentation does not
 * mark nullable (or, undocumented, that has no @IsOptional/@ValidateIf).
 */
function nonNullableProperties(type: Type<unknown>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const conditional = new Set(
    metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName),
  );
  return [...new Set(metadata.map((m) => m.propertyName))].filter((property) => {
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype as object, property) as
      { nullable?: boolean } | undefined;
    return documented ? !documented.nullable : !conditional.has(property);
  });
}

/**
 * The update body of a resource: every property of its create body may be left out, but none may be
 * sent as null unless the create body documents it nullable (Nest's PartialType lets null through
 * everywhere, and the write then fails in the database with a 500).
 */
export function PartialBody<T>(create: Type<T>): Type<Partial<T>> {
  const partial = PartialType(create, { skipNullProperties: false });
  for (const property of nonNullableProperties(create)) IsDefined()(partial.prototype as object, property);
  return partial;
}
