import type { IdentifierErrorReason, IdentifierKind } from './identifiers.util';

export type IdentifierMessageLang = 'zh' | 'en';

export interface IdentifierMessageDetail {
  /** The length the person actually entered, after normalization. */
  length?: number;
}

const FIELD_NAMES: Record<IdentifierKind, Record<IdentifierMessageLang, string>> = {
  imei: { zh: 'IMEI', en: 'IMEI' },
  iccid: { zh: 'ICCID', en: 'ICCID' },
  msisdn: { zh: '手机号码', en: 'mobile number' },
  badgeNo: { zh: '警号', en: 'badge number' },
};

const EXPECTED_FORMAT: Record<IdentifierKind, Record<IdentifierMessageLang, string>> = {
  imei: { zh: '15位数字', en: '15 digits' },
  iccid: { zh: '19或20位数字', en: '19 or 20 digits' },
  msisdn: { zh: '11位数字', en: '11 digits' },
  badgeNo: { zh: '6位数字', en: '6 digits' },
};

const EXPECTED_PREFIX: Record<IdentifierKind, Record<IdentifierMessageLang, string>> = {
  imei: { zh: '开头不正确', en: 'starts with the wrong digits' },
  iccid: { zh: '应以89开头', en: 'must start with 89' },
  msisdn: {
    zh: '应为以13–19开头的中国大陆手机号',
    en: 'must be a mainland China mobile number starting with 13–19',
  },
  badgeNo: { zh: '开头不正确', en: 'starts with the wrong characters' },
};

// Chinese typography puts a space between a Latin word such as IMEI and the Chinese text after it.
function zhSubject(field: IdentifierKind): string {
  const name = FIELD_NAMES[field].zh;
  return /[A-Za-z]$/.test(name) ? `${name} ` : name;
}

function enSubject(field: IdentifierKind): string {
  const name = FIELD_NAMES[field].en;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function zhMessage(field: IdentifierKind, reason: IdentifierErrorReason, detail: IdentifierMessageDetail) {
  const subject = zhSubject(field);
  const actualLength = detail.length === undefined ? '' : `，当前为${detail.length}位`;
  switch (reason) {
    case 'empty':
      return `${subject}不能为空`;
    case 'notDigits':
      return `${subject}只能包含数字，请检查是否混入字母或其他符号`;
    case 'length':
      return `${subject}应为${EXPECTED_FORMAT[field].zh}${actualLength}`;
    case 'checkDigit':
      return `${subject}校验位不正确，请核对是否有数字抄错`;
    case 'prefix':
      return `${subject}${EXPECTED_PREFIX[field].zh}`;
    case 'scientific':
      return `${subject}被 Excel 显示为科学计数法（如 8.67912E+14），数字已丢失，请将该列设为文本后重新导出`;
    case 'pattern':
      return `${subject}不符合规定的格式${actualLength}`;
  }
}

function enMessage(field: IdentifierKind, reason: IdentifierErrorReason, detail: IdentifierMessageDetail) {
  const subject = enSubject(field);
  const actualLength = detail.length === undefined ? '' : `, got ${detail.length}`;
  switch (reason) {
    case 'empty':
      return `${subject} is empty`;
    case 'notDigits':
      return `${subject} may contain digits only; check for letters or other characters`;
    case 'length':
      return `${subject} must be ${EXPECTED_FORMAT[field].en}${actualLength}`;
    case 'checkDigit':
      return `${subject} has a wrong check digit; check for a mistyped digit`;
    case 'prefix':
      return `${subject} ${EXPECTED_PREFIX[field].en}`;
    case 'scientific':
      return (
        `${subject} was shown by Excel in scientific notation (e.g. 8.67912E+14) and its digits are lost; ` +
        'format the column as text and export again'
      );
    case 'pattern':
      return `${subject} does not match the required format${actualLength && `${actualLength} characters`}`;
  }
}

/**
 * A message a person can act on: it names the field and says what is wrong. Pass the failed parse result
 * as `detail` to include the length that was entered.
 */
export function identifierErrorMessage(
  field: IdentifierKind,
  reason: IdentifierErrorReason,
  lang: IdentifierMessageLang,
  detail: IdentifierMessageDetail = {},
): string {
  return lang === 'zh' ? zhMessage(field, reason, detail) : enMessage(field, reason, detail);
}
