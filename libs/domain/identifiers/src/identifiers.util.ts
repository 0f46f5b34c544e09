import { hasValidLuhnCheckDigit } from './luhn.util';

export const IDENTIFIER_KINDS = ['imei', 'iccid', 'msisdn', 'badgeNo'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_ERROR_REASONS = [
  'empty',
  'notDigits',
  'length',
  'checkDigit',
  'prefix',
  'scientific',
  'pattern',
] as const;
export type IdentifierErrorReason = (typeof IDENTIFIER_ERROR_REASONS)[number];

export interface IdentifierParseFailure {
  ok: false;
  reason: IdentifierErrorReason;
  /** How many characters were left after normalization; set where the length explains the refusal. */
  length?: number;
}

export type IdentifierParseResult = { ok: true; value: string } | IdentifierParseFailure;

export const DEFAULT_BADGE_NO_PATTERN = /^\d{6}$/;

const DIGITS_ONLY = /^\d+$/;
// What Excel shows for a long number in a General-formatted cell, e.g. 8.67912E+14.
const SCIENTIFIC_NOTATION = /^\d+(\.\d+)?e[+-]?\d+$/i;
// Spaces (NFKC turns the ideographic space into U+0020) and the dashes people paste between digit groups.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const MSISDN_LENGTH = 11;
const IMEI_LENGTH = 15;
const ICCID_LENGTHS: readonly number[] = [19, 20];
const ICCID_PREFIX = '89';

function ok(value: string): IdentifierParseResult {
  return { ok: true, value };
}

function fail(reason: IdentifierErrorReason, length?: number): IdentifierParseFailure {
  return length === undefined ? { ok: false, reason } : { ok: false, reason, length };
}

/** Trim, fold full-width characters to ASCII (NFKC) and drop the separators people type between groups. */
export function normalizeIdentifierInput(input: string): string {
  return input.normalize('NFKC').trim().replace(SEPARATORS, '');
}

/** The refusal shared by every identifier before its own rules apply, or null when the text is usable. */
function checkCommonInput(normalized: string): IdentifierParseFailure | null {
  if (normalized === '') {
    return fail('empty');
  }
  if (SCIENTIFIC_NOTATION.test(normalized)) {
    return fail('scientific');
  }
  return null;
}

function checkDigitsOfLength(normalized: string, isAllowedLength: (length: number) => boolean) {
  if (!DIGITS_ONLY.test(normalized)) {
    return fail('notDigits');
  }
  if (!isAllowedLength(normalized.length)) {
    return fail('length', normalized.length);
  }
  return null;
}

export function parseImei(input: string): IdentifierParseResult {
  const imei = normalizeIdentifierInput(input);
  const refusal = checkCommonInput(imei) ?? checkDigitsOfLength(imei, (length) => length === IMEI_LENGTH);
  if (refusal) {
    return refusal;
  }
  return hasValidLuhnCheckDigit(imei) ? ok(imei) : fail('checkDigit');
}

export function parseIccid(input: string): IdentifierParseResult {
  const iccid = normalizeIdentifierInput(input);
  const refusal =
    checkCommonInput(iccid) ?? checkDigitsOfLength(iccid, (length) => ICCID_LENGTHS.includes(length));
  if (refusal) {
    return refusal;
  }
  if (!iccid.startsWith(ICCID_PREFIX)) {
    return fail('prefix');
  }
  return hasValidLuhnCheckDigit(iccid) ? ok(iccid) : fail('checkDigit');
}

/**
 * Removes the China country code. `+86` is explicit, so it always goes; a bare `86` or `0086` could be
 * the start of a mistyped number, so it goes only when exactly a mobile number's 11 digits remain.
 */
function stripChinaCountryCode(msisdn: string): string {
  if (msisdn.startsWith('+86')) {
    return msisdn.slice(3);
  }
  for (const prefix of ['0086', '86']) {
    const rest = msisdn.slice(prefix.length);
    if (msisdn.startsWith(prefix) && rest.length === MSISDN_LENGTH) {
      return rest;
    }
  }
  return msisdn;
}

export function parseMsisdn(input: string): IdentifierParseResult {
  const normalized = normalizeIdentifierInput(input);
  const common = checkCommonInput(normalized);
  if (common) {
    return common;
  }
  // Any other country code: the number is not a mainland mobile, which is a prefix problem, not junk.
  if (normalized.startsWith('+') && !normalized.startsWith('+86')) {
    return fail('prefix');
  }
  const msisdn = stripChinaCountryCode(normalized);
  const refusal = checkDigitsOfLength(msisdn, (length) => length === MSISDN_LENGTH);
  if (refusal) {
    return refusal;
  }
  return MAINLAND_MOBILE.test(msisdn) ? ok(msisdn) : fail('prefix');
}

/**
 * Badge numbers follow each bureau's own scheme, so the rule is a pattern rather than a length; the
 * failure carries the length because that is usually what a person got wrong.
 */
export function parseBadgeNo(
  input: string,
  pattern: RegExp = DEFAULT_BADGE_NO_PATTERN,
): IdentifierParseResult {
  const badgeNo = normalizeIdentifierInput(input);
  const common = checkCommonInput(badgeNo);
  if (common) {
    return common;
  }
  // A global or sticky pattern keeps lastIndex between calls; a fresh copy keeps this function pure.
  const matcher = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return matcher.test(badgeNo) ? ok(badgeNo) : fail('pattern', badgeNo.length);
}
