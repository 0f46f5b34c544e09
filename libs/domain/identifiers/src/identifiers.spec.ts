import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
  IDENTIFIER_ERROR_REASONS,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  type IdentifierMessageLang,
  type IdentifierParseResult,
  hasValidLuhnCheckDigit,
  identifierErrorMessage,
  luhnCheckDigit,
  parseBadgeNo,
  parseIccid,
  parseImei,
  parseMsisdn,
} from './index';

const SAMPLES_DIR = path.resolve(__dirname, '../../../../../shared/samples');

function valid(value: string): IdentifierParseResult {
  return { ok: true, value };
}

const refused = (
  reason: (typeof IDENTIFIER_ERROR_REASONS)[number],
  length?: number,
): IdentifierParseResult => (length === undefined ? { ok: false, reason } : { ok: false, reason, length });

/** Rows of a UTF-8 sample CSV as objects keyed by header; the samples have a BOM and no quoted commas. */
function readSampleCsv(file: string): Record<string, string>[] {
  const text = readFileSync(path.join(SAMPLES_DIR, file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

describe('luhnCheckDigit', () => {
  it.each([
    ['86791206062249', 3],
    ['8986000000000000000', 1],
    ['898600000000000000', 2],
    ['7992739871', 3],
  ])('the check digit of %s is %i', (payload, expected) => {
    expect(luhnCheckDigit(payload)).toBe(expected);
  });

  it.each([
    ['867912060622493', true],
    ['867912060622494', false],
    ['5', false],
  ])('hasValidLuhnCheckDigit(%s) is %s', (digits, expected) => {
    expect(hasValidLuhnCheckDigit(digits)).toBe(expected);
  });

  it('refuses anything but ASCII digits rather than computing a meaningless digit', () => {
    expect(() => luhnCheckDigit('8679120606224A')).toThrow(/digits only/);
  });
});

describe('parseImei', () => {
  it.each<[string, string, IdentifierParseResult]>([
    ['a valid IMEI', '867912060622493', valid('867912060622493')],
    ['the second IMEI of the same device', '867912060622501', valid('867912060622501')],
    ['full-width digits', '８６７９１２０６０６２２４９３', valid('867912060622493')],
    ['spaces around and between groups', ' 86 791206 062249 3 ', valid('867912060622493')],
    ['hyphens between groups', '86-791206-062249-3', valid('867912060622493')],
    ['14 digits', '86791206062249', refused('length', 14)],
    ['16 digits', '8679120606224930', refused('length', 16)],
    ['a wrong check digit', '867912060622494', refused('checkDigit')],
    ['a +86 prefix, which belongs to phone numbers only', '+86 867912060622493', refused('notDigits')],
    ['Excel scientific notation', '8.67912E+14', refused('scientific')],
    ['lower-case scientific notation', '8.67912e14', refused('scientific')],
    ['an empty cell', '', refused('empty')],
    ['only spaces', '   ', refused('empty')],
    ['a letter O typed for a zero', '86791206O622493', refused('notDigits')],
  ])('%s (%j)', (_case, input, expected) => {
    expect(parseImei(input)).toStrictEqual(expected);
  });
});

describe('parseIccid', () => {
  it.each<[string, string, IdentifierParseResult]>([
    ['a valid 20-digit ICCID', '89860000000000000001', valid('89860000000000000001')],
    ['a valid 19-digit ICCID', '8986000000000000002', valid('8986000000000000002')],
    ['full-width digits', '８９８６０００００００００００００００１', valid('89860000000000000001')],
    ['spaces between groups', '8986 0000 0000 0000 0001', valid('89860000000000000001')],
    ['hyphens between groups', '8986-0000-0000-0000-0001', valid('89860000000000000001')],
    ['18 digits', '898600000000000000', refused('length', 18)],
    ['21 digits', '898600000000000000017', refused('length', 21)],
    ['a wrong check digit', '89860000000000000002', refused('checkDigit')],
    ['a prefix other than 89', '86860000000000000004', refused('prefix')],
    ['a +86 prefix', '+8689860000000000000001', refused('notDigits')],
    ['Excel scientific notation', '8.986E+19', refused('scientific')],
    ['an empty cell', '', refused('empty')],
    ['a trailing F as some SIM tools print it', '8986000000000000000F', refused('notDigits')],
  ])('%s (%j)', (_case, input, expected) => {
    expect(parseIccid(input)).toStrictEqual(expected);
  });
});

describe('parseMsisdn', () => {
  it.each<[string, string, IdentifierParseResult]>([
    ['a valid mobile number', '13800138000', valid('13800138000')],
    ['a valid 147 data-card number', '14780000000', valid('14780000000')],
    ['a +86 prefix, stored without it', '+86 138 0013 8000', valid('13800138000')],
    ['a +86 prefix without spaces', '+8613800138000', valid('13800138000')],
    ['a 0086 prefix', '008613800138000', valid('13800138000')],
    ['a bare 86 prefix', '8613800138000', valid('13800138000')],
    ['a full-width plus and digits', '＋８６１３８００１３８０００', valid('13800138000')],
    ['hyphens between groups', '138-0013-8000', valid('13800138000')],
    ['10 digits', '1380013800', refused('length', 10)],
    ['10 digits after +86', '+86 1380013800', refused('length', 10)],
    ['86 not stripped when 11 digits would not remain', '861380013800', refused('length', 12)],
    ['11 digits starting 86, which is no prefix', '86138001380', refused('prefix')],
    ['a second digit below 3', '12800138000', refused('prefix')],
    ['a landline number', '09968888888', refused('prefix')],
    ['a foreign country code', '+1 4155550123', refused('prefix')],
    ['Excel scientific notation', '1.38001E+10', refused('scientific')],
    ['an empty cell', '', refused('empty')],
    ['letters', '138OO138000', refused('notDigits')],
  ])('%s (%j)', (_case, input, expected) => {
    expect(parseMsisdn(input)).toStrictEqual(expected);
  });
});

describe('parseBadgeNo', () => {
  it.each<[string, string, IdentifierParseResult]>([
    ['a valid badge number', '651003', valid('651003')],
    ['full-width digits', '６５１００３', valid('651003')],
    ['spaces', ' 651 003 ', valid('651003')],
    ['5 digits', '65100', refused('pattern', 5)],
    ['7 digits', '6510031', refused('pattern', 7)],
    ['letters', 'A51003', refused('pattern', 6)],
    ['Excel scientific notation', '6.51E+05', refused('scientific')],
    ['an empty cell', '', refused('empty')],
  ])('default pattern: %s (%j)', (_case, input, expected) => {
    expect(parseBadgeNo(input)).toStrictEqual(expected);
  });

  const letterAndFiveDigits = /^[A-Z]\d{5}$/;
  it.each<[string, string, IdentifierParseResult]>([
    ['a badge number in the custom scheme', 'X12345', valid('X12345')],
    ['a default-scheme number that the custom scheme refuses', '651003', refused('pattern', 6)],
  ])('custom pattern: %s (%j)', (_case, input, expected) => {
    expect(parseBadgeNo(input, letterAndFiveDigits)).toStrictEqual(expected);
  });

  it('gives the same answer on every call even with a global pattern, whose lastIndex would otherwise move', () => {
    const globalPattern = /^\d{6}$/g;
    expect([parseBadgeNo('651003', globalPattern), parseBadgeNo('651003', globalPattern)]).toStrictEqual([
      valid('651003'),
      valid('651003'),
    ]);
  });
});

describe('every identifier in the shared samples', () => {
  const devices = readSampleCsv('devices.csv');
  const sims = readSampleCsv('sims.csv');
  const officers = readSampleCsv('officers.csv');

  it('reads the sample files it checks', () => {
    expect([devices.length, sims.length, officers.length]).toStrictEqual([60, 60, 60]);
  });

  it.each<[string, (input: string) => IdentifierParseResult, () => string[]]>([
    ['devices.csv IMEI1', parseImei, () => devices.map((row) => row.IMEI1)],
    ['devices.csv IMEI2', parseImei, () => devices.map((row) => row.IMEI2)],
    ['sims.csv ICCID', parseIccid, () => sims.map((row) => row.ICCID)],
    ['sims.csv 终端IMEI1', parseImei, () => sims.map((row) => row['终端IMEI1'])],
    ['sims.csv 手机号码', parseMsisdn, () => sims.map((row) => row['手机号码'])],
    ['officers.csv 手机号码', parseMsisdn, () => officers.map((row) => row['手机号码'])],
    ['officers.csv 警号', (input) => parseBadgeNo(input), () => officers.map((row) => row['警号'])],
  ])('%s: all valid', (_column, parse, values) => {
    const refusedValues = values().filter((value) => !parse(value).ok);
    expect(refusedValues).toStrictEqual([]);
  });
});

describe('identifierErrorMessage', () => {
  const fieldNames: Record<IdentifierKind, Record<IdentifierMessageLang, RegExp>> = {
    imei: { zh: /IMEI/, en: /IMEI/ },
    iccid: { zh: /ICCID/, en: /ICCID/ },
    msisdn: { zh: /手机号码/, en: /mobile number/i },
    badgeNo: { zh: /警号/, en: /badge number/i },
  };
  const fieldsAndLangs = IDENTIFIER_KINDS.flatMap((field) =>
    (['zh', 'en'] as const).map((lang) => [field, lang] as const),
  );

  it.each(fieldsAndLangs)('names the field %s in %s for every reason', (field, lang) => {
    const messages = IDENTIFIER_ERROR_REASONS.map((reason) =>
      identifierErrorMessage(field, reason, lang, { length: 5 }),
    );
    expect(messages.filter((message) => !fieldNames[field][lang].test(message))).toStrictEqual([]);
  });

  it.each<
    [
      IdentifierKind,
      (typeof IDENTIFIER_ERROR_REASONS)[number],
      IdentifierMessageLang,
      number | undefined,
      string,
    ]
  >([
    ['imei', 'length', 'zh', 14, 'IMEI 应为15位数字，当前为14位'],
    ['imei', 'length', 'en', 14, 'IMEI must be 15 digits, got 14'],
    ['imei', 'length', 'zh', undefined, 'IMEI 应为15位数字'],
    ['msisdn', 'length', 'zh', 10, '手机号码应为11位数字，当前为10位'],
    [
      'msisdn',
      'prefix',
      'en',
      undefined,
      'Mobile number must be a mainland China mobile number starting with 13–19',
    ],
    ['iccid', 'prefix', 'zh', undefined, 'ICCID 应以89开头'],
    ['iccid', 'checkDigit', 'en', undefined, 'ICCID has a wrong check digit; check for a mistyped digit'],
    ['badgeNo', 'pattern', 'zh', 5, '警号不符合规定的格式，当前为5位'],
    ['badgeNo', 'pattern', 'en', 5, 'Badge number does not match the required format, got 5 characters'],
    ['badgeNo', 'empty', 'zh', undefined, '警号不能为空'],
  ])('%s %s in %s (length %s): %s', (field, reason, lang, length, expected) => {
    expect(identifierErrorMessage(field, reason, lang, { length })).toBe(expected);
  });

  it.each<[IdentifierMessageLang, RegExp]>([
    ['zh', /^IMEI 被 Excel 显示为科学计数法（如 8\.67912E\+14），数字已丢失，请将该列设为文本后重新导出$/],
    ['en', /^IMEI was shown by Excel in scientific notation .*digits are lost.*format the column as text/],
  ])('tells in %s that Excel lost the digits and how to export again', (lang, expected) => {
    expect(identifierErrorMessage('imei', 'scientific', lang)).toMatch(expected);
  });

  it('takes the length from a failed parse result', () => {
    const result = parseImei('8679120606224');
    if (result.ok) {
      throw new Error('expected a refusal');
    }
    expect(identifierErrorMessage('imei', result.reason, 'zh', result)).toBe('IMEI 应为15位数字，当前为13位');
  });
});
