import { type Type, ValidationPipe } from '@nestjs/common';
import { ApiException } from './api.exception';
import { localizeValidationErrors } from './validation-messages';

/**
 * Validates every body and query DTO; unknown fields are refused, each error names its field. With an
 * expected type it validates a parameter whose declared type is generic (CrudController's bodies).
 */
export function createValidationPipe(expectedType?: Type<unknown>): ValidationPipe {
  return new ValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => ApiException.badRequest(localizeValidationErrors(errors)),
  });
}
