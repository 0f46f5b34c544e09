import iconv from 'iconv-lite';
import { detectEncoding, detectFileType, mixedEncoding, normalizeEncoding } from './file-type';

const ROSTER = '警号,姓名,单位\r\n659001,张三,交警大队\r\n';

describe('file encodings', () => {
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

  it('tells the encoding of a large file from its head cut at a line break, not from a character split at the cut', () => {
    const line = Buffer.from('13800000000,数据,2026-03-01 00:00:00,,,,1,cmnet\n', 'utf8');
    // 22 bytes first, so the 64 KB head ends inside 数 (bytes 12 to 14 of a line).
    const file = Buffer.concat([
      Buffer.from(`${'h'.repeat(21)}\n`),
      ...Array.from({ length: 1400 }, () => line),
    ]);
    const head = file.subarray(0, 65_536);
    expect(detectEncoding(head)).toBe('gb18030');
    expect(detectFileType(head, 'march.csv')).toEqual({ format: 'csv', encoding: 'utf-8' });
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'march.csv')).toEqual({
      format: 'xlsx',
      encoding: null,
    });
  });
});
