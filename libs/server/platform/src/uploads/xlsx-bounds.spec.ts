import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkXlsxBounds } from './xlsx-bounds';

/** A zip archive of deflated entries; `declare` lets an entry lie about its size, as a bomb may. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declare } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declare ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declare ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

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
      zip([{ name: 'xl/media/image1.bin', data: Buffer.alloc(3 * 1024 * 1024, 'a') }]),
    );
    const liar = await file(
      'liar.xlsx',
      zip([{ name: 'xl/media/image1.bin', data: Buffer.alloc(3 * 1024 * 1024, 'a'), declare: 100 }]),
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

  it('refuses one shared string longer than a cell may hold, and takes one that is not', async () => {
    const strings = (length: number) => Buffer.from(`<sst><si><t>${'a'.repeat(length)}</t></si></sst>`);
    const vast = await file('vast.xlsx', zip([{ name: 'xl/sharedStrings.xml', data: strings(300_000) }]));
    expect(await checkXlsxBounds(vast, bounds)).toMatchObject({
      ok: false,
      reason: { zh: expect.stringContaining('超过 32767 个字符') },
    });
    const long = await file('long.xlsx', zip([{ name: 'xl/sharedStrings.xml', data: strings(32_767) }]));
    expect(await checkXlsxBounds(long, bounds)).toMatchObject({ ok: true });
  });

  it('refuses what is not a zip archive as damaged', async () => {
    const path = await file('junk.xlsx', Buffer.from('PK\u0003\u0004 not really'));
    expect(await checkXlsxBounds(path, bounds)).toMatchObject({
      ok: false,
      reason: { zh: expect.stringContaining('已损坏') },
    });
  });
});
