import { ValidationPipe } from '@nestjs/common';
import { ApiException } from './api.exception';
import { localizeValidationErrors } from './validation-messages';

/** Validates every body and query DTO; unknown fields are refused, each error names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => ApiException.badRequest(localizeValidationErrors(errors)),
  });
}
