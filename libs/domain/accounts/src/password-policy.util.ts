import { COMMON_PASSWORDS, COMMON_PASSWORD_WORDS } from './common-passwords';

/** ASVS 5.0 §6.2: at least 12 characters (8 is the floor, 12 the recommendation we keep), up to 128. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  'too_short' | 'too_long' | 'contains_username' | 'common' | 'too_few_distinct' | 'sequence';

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: {
    zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
    en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  too_long: {
    zh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`,
    en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters`,
  },
  contains_username: { zh: '密码不能包含用户名', en: 'The password may not contain the username' },
  common: {
    zh: '密码是常见或已泄露的密码，请换一个',
    en: 'The password is a common or breached one: choose another',
  },
  too_few_distinct: {
    zh: '密码中不同的字符太少',
    en: 'The password has too few different characters',
  },
  sequence: {
    zh: '密码是键盘或数字的连续序列',
    en: 'The password is a run of keys, letters or digits',
  },
};

const RUNS = [
  '0123456789',
  '9876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'zyxwvutsrqponmlkjihgfedcba',
  'qwertyuiopasdfghjklzxcvbnm',
  'mnbvcxzlkjhgfdsapoiuytrewq',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
];

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

const WORDS = new Set(COMMON_PASSWORD_WORDS);
const WHOLE = new Set(COMMON_PASSWORDS);

/** The password with its leading and trailing digits and symbols taken off, letters written as digits read back. */
function baseWord(password: string): string {
  const core = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return core.replace(/[@4310!$57]/g, (c) => LEET[c]);
}

/** Whether the text is one string repeated (abcabcabc): the string, else null. */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) {
      return text.slice(0, size);
    }
  }
  return text;
}

function isRun(text: string): boolean {
  const unit = repeatedUnit(text);
  // A run may wrap around (…7890123…), so it is looked for in the run written out several times.
  return (
    unit.length >= 3 && RUNS.some((run) => run.repeat(Math.ceil(unit.length / run.length) + 1).includes(unit))
  );
}

/**
 * What is wrong with a new password (ASVS 5.0 §6.2.1–6.2.12, GB/T 22239 8.1.4.1 a): empty when it may be
 * used. No composition rules (ASVS forbids them); length, the username, breached lists and runs instead.
 */
export function passwordProblems(password: string, username: string | null): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  const base = baseWord(password);
  if (WHOLE.has(lower) || WORDS.has(base) || WORDS.has(repeatedUnit(base))) problems.push('common');
  if (new Set(lower).size < 5) problems.push('too_few_distinct');
  else if (isRun(lower)) problems.push('sequence');
  return problems;
}
