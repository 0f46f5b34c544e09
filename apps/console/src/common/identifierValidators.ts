import {
  identifierErrorMessage,
  parseBadgeNo,
  parseIccid,
  parseImei,
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
  imei: parseImei,
  iccid: parseIccid,
} satisfies Record<string, (input: string) => IdentifierParseResult>;

export type FormIdentifier = keyof typeof PARSERS;

export function messageLang(locale: string): IdentifierMessageLang {
  return locale.startsWith('zh') ? 'zh' : 'en';
}

/** The domain's verdict on an identifier: its stored form, or its refusal in the console's language. */
export function useIdentifierParser(
  kind: FormIdentifier,
): (input: string) => { ok: true; value: string } | { ok: false; message: string } {
  const lang = messageLang(useLocale());
  return useMemo(
    () => (input: string) => {
      const result = PARSERS[kind](input);
      return result.ok
        ? result
        : { ok: false, message: identifierErrorMessage(kind, result.reason, lang, result) };
    },
    [kind, lang],
  );
}

/**
 * A react-admin validator for an identifier, with the domain's message in the console's language. An empty
 * value passes: whether the field is required is said by `required()` beside it.
 */
export function useIdentifierValidator(kind: FormIdentifier): Validator {
  const parse = useIdentifierParser(kind);
  return useMemo(
    () => (value: unknown) => {
      if (typeof value !== 'string' || value === '') {
        return undefined;
      }
      const result = parse(value);
      return result.ok ? undefined : result.message;
    },
    [parse],
  );
}

/** The stored form of an identifier (no spaces, dashes or country code), or the input as typed if invalid. */
export function normalizeIdentifier(kind: FormIdentifier, value: string): string {
  const result = PARSERS[kind](value);
  return result.ok ? result.value : value;
}

/** The stored form of an optional identifier, or null when it was left empty. */
export function normalizeOptionalIdentifier(
  kind: FormIdentifier,
  value: string | null | undefined,
): string | null {
  return value?.trim() ? normalizeIdentifier(kind, value) : null;
}
