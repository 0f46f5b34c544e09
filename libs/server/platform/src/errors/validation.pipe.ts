import { type ArgumentMetadata, type Type, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, Max, Min } from 'class-validator';
import { badIdException } from '../edge/edge-errors';
import { INT32_MAX, INT32_MIN, parseId } from '../edge/input-hygiene';
import { fieldName } from '../i18n/field-names';
import { ApiException } from './api.exception';
import { localizeValidationErrors } from './validation-messages';

const bounded = new WeakSet<object>();
const integerProperties = new WeakMap<object, string[]>();

/** The properties of a DTO validated as whole numbers. */
function integersOf(type: Type<unknown>): string[] {
  let properties = integerProperties.get(type);
  if (!properties) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    properties = [...new Set(metadata.filter((m) => m.name === 'isInt').map((m) => m.propertyName))];
    integerProperties.set(type, properties);
  }
  return properties;
}

/**
 * A query string's whole numbers are written in canonical decimal: class-transformer's Number() would
 * read `1e3`, `0x10`, `+5` and ` 7` as numbers.
 */
function requireDecimalQueryIntegers(type: Type<unknown>, query: unknown): void {
  if (typeof query !== 'object' || query === null) return;
  for (const property of integersOf(type)) {
    const raw = (query as Record<string, unknown>)[property];
    if (typeof raw === 'string' && !/^-?(0|[1-9]\d{0,9})$/.test(raw)) {
      const name = fieldName(property);
      throw ApiException.badRequest([
        {
          field: property,
          reason: {
            zh: `${name.zh}应为十进制整数`,
            en: `${name.en} must be a whole number in decimal digits`,
          },
        },
      ]);
    }
  }
}

/**
 * Gives every whole-number property of a DTO that declares no bound of its own the bounds of int32,
 * what its column holds (a bigint column's property declares its own @Max). Once per class.
 */
function boundIntegers(type: Type<unknown>): void {
  if (bounded.has(type)) return;
  bounded.add(type);
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  for (const property of new Set(metadata.map((m) => m.propertyName))) {
    const own = metadata.filter((m) => m.propertyName === property);
    const isInt = own.find((m) => m.name === 'isInt');
    if (!isInt) continue;
    const each = { each: isInt.each };
    if (!own.some((m) => m.name === 'max')) Max(INT32_MAX, each)(type.prototype as object, property);
    if (!own.some((m) => m.name === 'min')) Min(INT32_MIN, each)(type.prototype as object, property);
  }
}

/**
 * Path parameters declared as numbers are ids: canonical decimal within int32 or 400 (class-transformer
 * would read `+1`, `0x1`, `01` and `1e3` as numbers); DTOs get int32 bounds where they declare none.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && metadata.metatype === Number) {
      const id = parseId(value);
      if (id === null) throw badIdException(metadata.data ?? 'id');
      return id;
    }
    const type = this.expectedType ?? metadata.metatype;
    if (type && this.toValidate({ ...metadata, metatype: type })) {
      boundIntegers(type);
      if (metadata.type === 'query') requireDecimalQueryIntegers(type, value);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every body and query DTO; unknown fields are refused, each error names its field. With an
 * expected type it validates a parameter whose declared type is generic (CrudController's bodies).
 */
export function createValidationPipe(expectedType?: Type<unknown>): ValidationPipe {
  return new EdgeValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => ApiException.badRequest(localizeValidationErrors(errors)),
  });
}
