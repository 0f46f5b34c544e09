import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zip } from '../../../../../tools/test/zip';
import { checkXlsxBounds } from './xlsx-bounds';

const sheet = (cells: number) =>
  Buffer.from(
    `<worksheet><cols><col min="1"/></cols><sheetData><row r="1">${'<c r="A1" t="s"><v>0</v></c>'.repeat(cells)}</row></sheetData></worksheet>`,
  );

describe('XLSX bounds before parsing', () => {
  let dir: string;
  const file = async (name: string, content: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const bounds = { maxUnzippedBytes: 1024 * 1024, maxCells: 1000 };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xlsx-bounds-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes a real workbook and counts its cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('详单');
    for (let r = 0; r < 50; r++) ws.addRow(['14780000003', '语音', '2026-01-01 08:00:00', '主叫', r]);
    const path = await file('ok.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await checkXlsxBounds(path, bounds)).toMatchObject({ ok: true, cells: 250 });
  });

  it('refuses an archive that expands past the bound, also when its entry lies about its size', async () => {
    const honest = await file(
      'big.xlsx',
      zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(3 * 1024 * 1024, 'a') }]),
    );
    const liar = await file(
      'liar.xlsx',
      zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(3 * 1024 * 1024, 'a'), declare: 100 }]),
    );
    for (const path of [honest, liar]) {
      const result = await checkXlsxBounds(path, bounds);
      expect(result).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('解压后超过 1 MB') } });
    }
  });

  it('refuses worksheets holding more cells than the bound, and counts cells split across chunks', async () => {
    const many = await file('cells.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: sheet(1001) }]));
    expect(await checkXlsxBounds(many, bounds)).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('more than 1000 cells') },
    });
    const exact = await file('exact.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: sheet(1000) }]));
    expect(await checkXlsxBounds(exact, bounds)).toMatchObject({ ok: true, cells: 1000 });
  });

  it('refuses what is not a zip archive as damaged', async () => {
    const path = await file('junk.xlsx', Buffer.from('PK\u0003\u0004 not really'));
    expect(await checkXlsxBounds(path, bounds)).toMatchObject({
      ok: false,
      reason: { zh: expect.stringContaining('已损坏') },
    });
  });
});
