import { fieldName } from '../i18n/field-names';
import { ApiException } from '../errors/api.exception';
import { INT32_MAX, type InputFault } from './input-hygiene';

/** The 400 for a value no field may hold: NUL, an unpaired surrogate, a number past what JSON numbers hold. */
export function inputFaultException({ field, fault }: InputFault): ApiException {
  const name = fieldName(field.split('.').pop() ?? field);
  const reason = {
    nul: { zh: `${name.zh}含有空字符（NUL），不能保存`, en: `${field} contains a NUL character` },
    surrogate: {
      zh: `${name.zh}含有无效的 Unicode 字符（不成对的代理项）`,
      en: `${field} contains invalid Unicode (an unpaired UTF-16 surrogate)`,
    },
    nonFinite: { zh: `${name.zh}的数值超出范围`, en: `${field} is out of range` },
  }[fault];
  return ApiException.badRequest([{ field: field || 'body', reason }]);
}

/** The 400 for a path id that is not canonical decimal within int32. */
export function badIdException(param: string): ApiException {
  return ApiException.badRequest([
    {
      field: param,
      reason: {
        zh: `${fieldName(param).zh}应为 1 到 ${INT32_MAX} 的整数（十进制，不带符号、前导零或指数）`,
        en: `${param} must be a whole number from 1 to ${INT32_MAX} (decimal, no sign, leading zero or exponent)`,
      },
    },
  ]);
}

/** The 400 for a JSON body nested deeper than the setting allows. */
export function tooDeepException(maxDepth: number): ApiException {
  return ApiException.badRequest([
    {
      field: 'body',
      reason: {
        zh: `请求体嵌套过深（最多 ${maxDepth} 层）`,
        en: `The request body is nested too deep (at most ${maxDepth} levels)`,
      },
    },
  ]);
}

/** The 400 for a body that claims JSON and is not (or holds `__proto__`). */
export function notJsonException(): ApiException {
  return ApiException.badRequest([
    { field: 'body', reason: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' } },
  ]);
}
