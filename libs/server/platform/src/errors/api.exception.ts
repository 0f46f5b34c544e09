import { HttpException, HttpStatus } from '@nestjs/common';
import type { LocalizedText } from '../i18n/lang';

export interface LocalizedFieldError {
  field: string;
  reason: LocalizedText;
}

/**
 * An error a person can act on: a message and, for bad input, the fields at fault, each with its
 * reason in both languages. The exception filter picks the caller's language.
 */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly text: LocalizedText,
    readonly fieldErrors: LocalizedFieldError[] = [],
    /** Response headers that belong to the answer (Retry-After of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en, status);
  }

  static badRequest(fieldErrors: LocalizedFieldError[]): ApiException {
    return new ApiException(
      HttpStatus.BAD_REQUEST,
      { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the fields named' },
      fieldErrors,
    );
  }

  static notFound(resource: string, id: string | number): ApiException {
    return new ApiException(HttpStatus.NOT_FOUND, {
      zh: `未找到记录：${resource} ${id}`,
      en: `Not found: ${resource} ${id}`,
    });
  }

  static conflict(text: LocalizedText, field?: string): ApiException {
    return new ApiException(HttpStatus.CONFLICT, text, field ? [{ field, reason: text }] : []);
  }
}
