import {
  identifierErrorMessage,
  parseBadgeNo,
  parseMsisdn,
  type IdentifierMessageLang,
  type IdentifierParseResult,
} from '@fleet/domain/identifiers';
import { useMemo } from 'react';
import { useLocale, type Validator } from 'react-admin';

/** The identifiers the console's forms take by hand, each with the domain rule the server applies too. */
const PARSERS = {
  badgeNo: (input: string) => parseBadgeNo(input),
  msisdn: parseMsisdn,
} satisfies Record<string, (input: string) => IdentifierParseResult>;

export type FormIdentifier = keyof typeof PARSERS;

function messageLang(locale: string): IdentifierMessageLang {
  return locale.startsWith('zh') ? 'zh' : 'en';
}

/**
 * A react-admin validator for an identifier, with the domain's message in the console's language. An empty
 * value passes: whether the field is required is said by `required()` beside it.
 */
export function useIdentifierValidator(kind: FormIdentifier): Validator {
  const lang = messageLang(useLocale());
  return useMemo(
    () => (value: unknown) => {
      if (typeof value !== 'string' || value === '') {
        return undefined;
      }
      const result = PARSERS[kind](value);
      return result.ok ? undefined : identifierErrorMessage(kind, result.reason, lang, result);
    },
    [kind, lang],
  );
}

/** The stored form of an identifier (no spaces, dashes or country code), or the input as typed if invalid. */
export function normalizeIdentifier(kind: FormIdentifier, value: string): string {
  const result = PARSERS[kind](value);
  return result.ok ? result.value : value;
}
