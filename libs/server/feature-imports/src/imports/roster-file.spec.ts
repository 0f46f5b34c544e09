import iconv from 'iconv-lite';
import { detectEncoding, mixedEncoding, normalizeEncoding } from '@fleet/server/file-import';
import { readRosterFile } from './roster-file';

const ROSTER = '警号,姓名,单位\r\n659001,张三,交警大队\r\n';

describe('roster file encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(ROSTER, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.from(`\uFEFF${ROSTER}`, 'utf8'), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.from(`\uFEFF${ROSTER}`, 'utf16le'), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from(ROSTER, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.from(`\uFEFF${ROSTER}`, 'utf16le').swap16(), 'utf-16be'],
    ['UTF-16BE without BOM', Buffer.from(ROSTER, 'utf16le').swap16(), 'utf-16be'],
  ])('recognises %s', (_what, content, encoding) => {
    expect(detectEncoding(content)).toBe(encoding);
  });

  it('reads a UTF-16 roster as the same cells as its UTF-8 copy', async () => {
    const utf16 = Buffer.from(`\uFEFF${ROSTER}`, 'utf16le');
    expect(await readRosterFile(utf16, 'csv', detectEncoding(utf16))).toEqual(
      await readRosterFile(Buffer.from(ROSTER, 'utf8'), 'csv', 'utf-8'),
    );
  });

  it('folds the names people type', () => {
    expect(['UTF-16', 'unicode', 'UTF16LE', 'utf-16be', 'GBK', 'latin1'].map(normalizeEncoding)).toEqual([
      'utf-16le',
      'utf-16le',
      'utf-16le',
      'utf-16be',
      'gb18030',
      null,
    ]);
  });

  it('finds the line where a file turns from one encoding to the other, and none in a file of one', () => {
    const lines = [
      '警号,姓名,单位',
      '659001,张三,交警大队',
      '659002,李四,城关派出所',
      '659003,王五,治安大队',
    ];
    const utf8 = (l: string[]) => Buffer.from(`${l.join('\r\n')}\r\n`, 'utf8');
    const gbk = (l: string[]) => iconv.encode(`${l.join('\r\n')}\r\n`, 'gb18030');
    expect(mixedEncoding(utf8(lines))).toBeNull();
    expect(mixedEncoding(gbk(lines))).toBeNull();
    expect(mixedEncoding(Buffer.concat([utf8(lines.slice(0, 2)), gbk(lines.slice(2))]))).toEqual({
      line: 3,
      encoding: 'GBK',
    });
    expect(mixedEncoding(Buffer.concat([gbk(lines.slice(0, 3)), utf8(lines.slice(3))]))).toEqual({
      line: 4,
      encoding: 'UTF-8',
    });
  });
});
