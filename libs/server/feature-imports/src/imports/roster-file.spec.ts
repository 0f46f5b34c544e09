import { detectEncoding } from '@fleet/server/file-import';
import { readRosterFile } from './roster-file';

const ROSTER = '警号,姓名,单位\r\n659001,张三,交警大队\r\n';

describe('roster file', () => {
  it('reads a UTF-16 roster as the same cells as its UTF-8 copy', async () => {
    const utf16 = Buffer.from(`\uFEFF${ROSTER}`, 'utf16le');
    expect(await readRosterFile(utf16, 'csv', detectEncoding(utf16))).toEqual(
      await readRosterFile(Buffer.from(ROSTER, 'utf8'), 'csv', 'utf-8'),
    );
  });
});
