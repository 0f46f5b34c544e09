import { findInputFault, jsonDepthExceeds, parseId, textFault } from './input-hygiene';

describe('input hygiene', () => {
  it.each([
    ['plain', null],
    ['中文 and emoji 📱', null],
    ['a\u0000b', 'nul'],
    ['\ud800', 'surrogate'],
    ['x\udc00y', 'surrogate'],
    ['\ud83d', 'surrogate'],
    ['\ud83d\udcf1', null],
  ])('textFault(%j) is %s', (text, fault) => {
    expect(textFault(text)).toBe(fault);
  });

  it('names the field of the first fault, keys and array items included', () => {
    expect(findInputFault({ a: 'ok', lines: [{ name: 'x' }, { name: 'bad\u0000' }] })).toEqual({
      field: 'lines.1.name',
      fault: 'nul',
    });
    expect(findInputFault({ ['k\ud800']: 1 })).toEqual({ field: 'k\ud800', fault: 'surrogate' });
    expect(findInputFault({ n: Infinity })).toEqual({ field: 'n', fault: 'nonFinite' });
    expect(findInputFault({ n: 1e308, s: 'fine', b: true, z: null })).toBeNull();
  });

  it('measures JSON depth without parsing, ignoring brackets in strings', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(100_000), 64)).toBe(true);
  });

  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['+1', null],
    ['0x1', null],
    ['01', null],
    ['1e3', null],
    ['0', null],
    ['-1', null],
    [' 1', null],
    ['1.0', null],
    ['99999999999999999999', null],
    [7, 7],
    [1e308, null],
    [1.5, null],
  ])('parseId(%j) is %s', (raw, id) => {
    expect(parseId(raw)).toBe(id);
  });
});
