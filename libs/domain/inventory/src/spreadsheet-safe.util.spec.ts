import { spreadsheetSafe } from './spreadsheet-safe.util';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+8613800138000', `'+8613800138000`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['867912060622493', '867912060622493'],
    ['张伟', '张伟'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('makes %j safe as %j', (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});
