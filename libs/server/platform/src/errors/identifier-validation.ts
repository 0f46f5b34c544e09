import { Inject, Injectable, Optional } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  type IdentifierErrorReason,
  type IdentifierKind,
  type IdentifierParseResult,
  identifierErrorMessage,
  parseBadgeNo,
  parseIccid,
  parseImei,
  parseMsisdn,
} from '@fleet/domain/identifiers';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import type { LocalizedText } from '../i18n/lang';

const CONSTRAINT = 'identifier';

function parseIdentifier(
  kind: IdentifierKind,
  value: string,
  badgeNoPattern?: RegExp,
): IdentifierParseResult {
  switch (kind) {
    case 'imei':
      return parseImei(value);
    case 'iccid':
      return parseIccid(value);
    case 'msisdn':
      return parseMsisdn(value);
    case 'badgeNo':
      return parseBadgeNo(value, badgeNoPattern);
  }
}

/**
 * Checks an identifier with the domain rules (§3.1). The badge number's pattern is a setting, so the
 * constraint is resolved from Nest's container (class-validator's useContainer) to read it.
 */
@Injectable()
@ValidatorConstraint({ name: CONSTRAINT })
export class IdentifierConstraint implements ValidatorConstraintInterface {
  constructor(@Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig) {}

  validate(value: unknown, args: ValidationArguments): boolean {
    return (
      typeof value === 'string' && parseIdentifier(this.kind(args), value, this.config?.badgeNoPattern).ok
    );
  }

  /** The machine-readable `kind:reason:length`, turned into words by identifierReason(). */
  defaultMessage(args: ValidationArguments): string {
    const kind = this.kind(args);
    if (typeof args.value !== 'string') return `${kind}:notDigits:`;
    const result = parseIdentifier(kind, args.value, this.config?.badgeNoPattern);
    return result.ok ? '' : `${kind}:${result.reason}:${result.length ?? ''}`;
  }

  private kind(args: ValidationArguments): IdentifierKind {
    return args.constraints[0] as IdentifierKind;
  }
}

/** Validates a property as an IMEI, ICCID, mobile number or badge number. */
export function IsIdentifier(kind: IdentifierKind, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT,
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [kind],
      options,
      validator: IdentifierConstraint,
    });
}

/**
 * Stores identifiers in their one canonical form (ASCII digits, no spaces, no +86); a value that does
 * not parse is left as sent, for the validator to refuse with its reason.
 */
export function NormalizeIdentifier(kind: Exclude<IdentifierKind, 'badgeNo'>): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const result = parseIdentifier(kind, value);
    return result.ok ? result.value : value;
  });
}

/** The words for a failed identifier constraint, or null when the constraint is another kind. */
export function identifierReason(constraintKey: string, message: string): LocalizedText | null {
  if (constraintKey !== CONSTRAINT) return null;
  const [kind, reason, length] = message.split(':') as [IdentifierKind, IdentifierErrorReason, string];
  const detail = length ? { length: Number(length) } : {};
  return {
    zh: identifierErrorMessage(kind, reason, 'zh', detail),
    en: identifierErrorMessage(kind, reason, 'en', detail),
  };
}
