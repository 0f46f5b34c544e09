import ExcelJS from 'exceljs';
import { type Cell, displayWidth, sheetNameOf, spreadsheetStream } from './spreadsheet-files';

async function written(format: 'csv' | 'xlsx', rows: Cell[][]): Promise<Buffer> {
  const stream = spreadsheetStream(
    format,
    [{ header: '编号', width: 8 }, { header: '型号' }, { header: '金额（元）', decimals: 2 }],
    [rows],
    '终端[1]',
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('spreadsheetStream', () => {
  const rows: Cell[][] = [[7, '=1+2', 1234.5]];

  it('writes XLSX with a named sheet, widths, a frozen bold header, number formats and text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await written('xlsx', rows)) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('终端 1 ');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3].map((i) => sheet.getColumn(i).width)).toEqual([8, 8, 12]);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    const [id, model, amount] = [1, 2, 3].map((i) => sheet.getRow(2).getCell(i));
    expect([id.type, id.value]).toEqual([ExcelJS.ValueType.Number, 7]);
    expect([model.type, model.value]).toEqual([ExcelJS.ValueType.String, '=1+2']);
    expect([amount.type, amount.value, amount.numFmt]).toEqual([
      ExcelJS.ValueType.Number,
      1234.5,
      '#,##0.00',
    ]);
  });

  it('writes CSV with a BOM, fixed decimals and a quote before text a spreadsheet would run', async () => {
    const text = (await written('csv', rows)).toString('utf8');
    expect(text).toBe("\uFEFF编号,型号,金额（元）\r\n7,'=1+2,1234.50\r\n");
  });

  it('measures Chinese as twice as wide, and keeps sheet names within what Excel allows', () => {
    expect(displayWidth('IMEI1')).toBe(5);
    expect(displayWidth('领用警员')).toBe(8);
    expect(sheetNameOf('a/b?c'.repeat(10))).toHaveLength(31);
  });
});
