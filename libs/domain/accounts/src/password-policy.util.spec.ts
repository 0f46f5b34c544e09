import { passwordProblems } from './password-policy.util';

describe('passwordProblems', () => {
  it.each([
    ['aaaaaaaaaa', 'too_short'],
    ['1234567890', 'too_short'],
    ['password12', 'too_short'],
    ['aaaaaaaaaaaa', 'too_few_distinct'],
    ['121212121212', 'too_few_distinct'],
    ['123456789012', 'common'],
    ['password1234', 'common'],
    ['P@ssw0rd!2024', 'common'],
    ['Qwertyuiop99', 'common'],
    ['woaini1314520', 'common'],
    ['abcdefghijklm', 'sequence'],
    ['qwertyuiopasd', 'sequence'],
    ['9876543210987', 'sequence'],
    ['zhangsan-harbour-7', 'contains_username'],
    ['x'.repeat(129) + 'abcdefg', 'too_long'],
  ])('refuses %s as %s', (password, problem) => {
    expect(passwordProblems(password, 'zhangsan')).toContain(problem);
  });

  it.each(['harbour-lantern-42', 'Tq7#mVz9!pLw', '且末县公安局信息中心2026', 'correct horse battery staple'])(
    'accepts %s',
    (password) => {
      expect(passwordProblems(password, 'zhangsan')).toEqual([]);
    },
  );

  it('ignores a username too short to mean anything', () => {
    expect(passwordProblems('harbour-lantern-ab', 'ab')).toEqual([]);
  });
});
