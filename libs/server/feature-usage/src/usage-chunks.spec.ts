import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cutUsageFile } from './usage-chunks';

describe('cutUsageFile', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'usage-chunks-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Each chunk's bytes and the records they hold, as a reading of the whole file numbers them. */
  async function cut(content: string, count: number) {
    const path = join(dir, `file-${count}-${content.length}.csv`);
    await writeFile(path, content);
    const bytes = await readFile(path);
    const result = (await cutUsageFile(path, count))!;
    return {
      ...result,
      texts: result.chunks.map((c) => bytes.subarray(c.from, c.to).toString('utf8')),
    };
  }

  it('cuts at record boundaries outside quotes, after the header, and numbers each chunk’s first record', async () => {
    const header = '\uFEFF\n手机号码,记录类型,开始时间,方向,对方号码,时长秒,流量KB,APN\n';
    const records = Array.from({ length: 40 }, (_, i) =>
      i % 7 === 3
        ? `14700000000,语音,2026-03-01 00:00:${String(i).padStart(2, '0')},主叫,"multi\nline ""quoted""\n",60,,\n`
        : `14700000000,数据,2026-03-01 00:00:${String(i).padStart(2, '0')},,,,${i},cmnet\n`,
    );
    const content = header + records.join('');
    const { chunks, texts, rows } = await cut(content, 4);
    expect(chunks.length).toBe(4);
    expect(texts.join('')).toBe(content);
    expect(rows).toBe(40);
    // The first chunk holds the header (row 2, after a blank line); every chunk starts a record.
    expect(texts[0].startsWith(header)).toBe(true);
    let row = 1;
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.chunkNo).toBe(i);
      expect(chunk.firstRow).toBe(row);
      expect(texts[i].endsWith('\n')).toBe(true);
      // Whole records: an even number of quotes in each chunk.
      expect((texts[i].match(/"/g) ?? []).length % 2).toBe(0);
      const starts = texts[i].split(/\n(?=14700000000|$)/).filter((line) => line.startsWith('147'));
      row += starts.length + (i === 0 ? 2 : 0);
    }
  });

  it('keeps a file of a few records whole, and one without a header refuses to be cut', async () => {
    const one = await cut('a,b\n1,2\n', 4);
    expect(one.chunks).toEqual([{ chunkNo: 0, from: 0, to: 8, firstRow: 1 }]);
    expect(await cutUsageFile(join(dir, await writeBlank()), 2)).toBeNull();
  });

  async function writeBlank(): Promise<string> {
    await writeFile(join(dir, 'blank.csv'), ',,,\n\n');
    return 'blank.csv';
  }
});
