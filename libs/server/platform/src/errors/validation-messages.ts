import type { ValidationError } from 'class-validator';
import { fieldName } from '../i18n/field-names';
import type { LocalizedText } from '../i18n/lang';
import type { LocalizedFieldError } from './api.exception';
import { identifierReason } from './identifier-validation';

/** zh and en: the field's name in each language; fallback: class-validator's own English message. */
type Messages = Record<string, (args: { zh: string; en: string; fallback: string }) => LocalizedText>;

/** Localized texts for the class-validator constraints the DTOs use. */
const MESSAGES: Messages = {
  whitelistValidation: ({ zh, en }) => ({ zh: `不允许的字段：${zh}`, en: `${en} is not an allowed field` }),
  isDefined: ({ zh, en }) => ({ zh: `${zh}为必填项`, en: `${en} is required` }),
  isNotEmpty: ({ zh, en }) => ({ zh: `${zh}不能为空`, en: `${en} must not be empty` }),
  isString: ({ zh, en }) => ({ zh: `${zh}应为文本`, en: `${en} must be text` }),
  isInt: ({ zh, en }) => ({ zh: `${zh}应为整数`, en: `${en} must be a whole number` }),
  isPositive: ({ zh, en }) => ({ zh: `${zh}应为正数`, en: `${en} must be positive` }),
  isBoolean: ({ zh, en }) => ({ zh: `${zh}应为是或否`, en: `${en} must be true or false` }),
  // class-validator's English message lists the allowed values.
  isIn: ({ zh, fallback }) => ({ zh: `${zh}的取值无效`, en: fallback }),
  isEnum: ({ zh, en }) => ({ zh: `${zh}的取值无效`, en: `${en} is not an allowed value` }),
  maxLength: ({ zh, en }) => ({ zh: `${zh}过长`, en: `${en} is too long` }),
  minLength: ({ zh, en }) => ({ zh: `${zh}过短`, en: `${en} is too short` }),
  min: ({ zh, en, fallback }) => ({ zh: `${zh}过小`, en: fallback.replace(/^\S+/, en) }),
  max: ({ zh, en, fallback }) => ({ zh: `${zh}过大`, en: fallback.replace(/^\S+/, en) }),
  matches: ({ zh, en }) => ({ zh: `${zh}的格式不正确`, en: `${en} is not in the expected format` }),
  arrayMaxSize: ({ zh, en }) => ({ zh: `${zh}的项目过多`, en: `${en} has too many items` }),
  arrayNotEmpty: ({ zh, en }) => ({ zh: `${zh}至少要有一项`, en: `${en} must not be empty` }),
  isArray: ({ zh, en }) => ({ zh: `${zh}应为列表`, en: `${en} must be a list` }),
  isCalendarDate: ({ zh, en }) => ({
    zh: `${zh}应为有效日期（YYYY-MM-DD）`,
    en: `${en} must be a date YYYY-MM-DD`,
  }),
  isMoment: ({ zh, en }) => ({
    zh: `${zh}应为带时区的时间，如 2025-12-01T09:30:00+08:00`,
    en: `${en} must be an ISO 8601 moment with offset, e.g. 2025-12-01T09:30:00+08:00`,
  }),
};

/** Turns class-validator's errors into field errors with reasons in both languages. */
export function localizeValidationErrors(errors: ValidationError[], parent = ''): LocalizedFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A required value sent as null fails its other checks too; "is required" alone says why.
    const constraints = error.constraints?.isDefined
      ? { isDefined: error.constraints.isDefined }
      : (error.constraints ?? {});
    const own = Object.entries(constraints).map(([key, fallback]) => {
      const name = fieldName(error.property);
      const identifier = identifierReason(key, fallback);
      if (identifier) return { field, reason: identifier };
      const message = MESSAGES[key];
      return { field, reason: message ? message({ ...name, fallback }) : { zh: fallback, en: fallback } };
    });
    return [...own, ...localizeValidationErrors(error.children ?? [], field)];
  });
}
