import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fenToYuan } from '@fleet/domain/billing';
import { BillingPeriodEntity } from '@fleet/server/persistence';
import { ApiException, CONTENT_TYPES, type Lang, type LocalizedText, toCell } from '@fleet/server/platform';
import { spreadsheetSafe } from '@fleet/domain/inventory';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { parsePeriod } from '../periods/periods.service';
import { CATEGORY_LABELS, label, PAYER_LABELS, STATUS_LABELS } from './statement-labels';

interface LineRow {
  statement_id: number;
  officer_id: number | null;
  name: string | null;
  badge_no: string | null;
  unit: string | null;
  version: number;
  status: string;
  total_fen: number;
  line_id: number | null;
  msisdn: string | null;
  category: string | null;
  used: string | null;
  allowance: string | null;
  excess: string | null;
  amount_fen: number | null;
  payer: string | null;
}

interface Column {
  header: LocalizedText;
  width: number;
  /** Yuan: shown with two decimals. */
  money?: boolean;
}

const HOLDER_COLUMNS: Column[] = [
  { header: { zh: '警员姓名', en: 'officer' }, width: 12 },
  { header: { zh: '警号', en: 'badge number' }, width: 10 },
  { header: { zh: '单位', en: 'unit' }, width: 18 },
];
const STATEMENT_COLUMNS: Column[] = [
  { header: { zh: '通知单编号', en: 'statement id' }, width: 10 },
  { header: { zh: '版本', en: 'version' }, width: 6 },
  { header: { zh: '状态', en: 'status' }, width: 10 },
];
const LINE_COLUMNS: Column[] = [
  ...HOLDER_COLUMNS,
  { header: { zh: '号码', en: 'SIM number' }, width: 14 },
  { header: { zh: '类别', en: 'category' }, width: 16 },
  { header: { zh: '使用量', en: 'used' }, width: 12 },
  { header: { zh: '套餐内', en: 'allowance' }, width: 12 },
  { header: { zh: '超出', en: 'excess' }, width: 12 },
  { header: { zh: '金额（元）', en: 'amount (CNY)' }, width: 12, money: true },
  { header: { zh: '付费方', en: 'payer' }, width: 8 },
  ...STATEMENT_COLUMNS,
];
const TOTAL_COLUMNS: Column[] = [
  ...HOLDER_COLUMNS,
  ...STATEMENT_COLUMNS,
  { header: { zh: '行数', en: 'lines' }, width: 6 },
  { header: { zh: '合计（元）', en: 'total (CNY)' }, width: 12, money: true },
];
const BUREAU: LocalizedText = { zh: '本局（单位承担）', en: 'bureau (own charges)' };
const GRAND_TOTAL: LocalizedText = { zh: '合计', en: 'total' };

/**
 * The month's statements in force (not superseded) as one workbook for finance: a sheet of every
 * statement line and a sheet of each holder's total, amounts in yuan from exact fen, every text cell
 * formula-safe. A month's statements are about a hundred lines, so the workbook is built in memory.
 */
@Injectable()
export class StatementsWorkbookService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async workbook(period: string, lang: Lang): Promise<StreamableFile> {
    parsePeriod(period);
    if (!(await this.dataSource.manager.existsBy(BillingPeriodEntity, { period }))) {
      throw ApiException.notFound('periods', period);
    }
    const rows: LineRow[] = await this.dataSource.query(
      `SELECT s.id AS statement_id, s.officer_id, o.name, o.badge_no, u.name AS unit, s.version, s.status,
              s.total_fen, l.id AS line_id, sc.msisdn, l.category, l.used, l.allowance, l.excess,
              l.amount_fen, l.payer
         FROM statements s
         LEFT JOIN officers o ON o.id = s.officer_id
         LEFT JOIN units u ON u.id = o.unit_id
         LEFT JOIN statement_lines l ON l.statement_id = s.id
         LEFT JOIN sim_cards sc ON sc.id = l.sim_id
        WHERE s.period = $1 AND s.status <> 'superseded'
        ORDER BY s.officer_id NULLS LAST, s.id, l.sim_id, l.id`,
      [period],
    );
    const holder = (r: LineRow) =>
      r.officer_id === null ? [BUREAU[lang], null, null] : [r.name, r.badge_no, r.unit];
    const statement = (r: LineRow) => [r.statement_id, r.version, label(STATUS_LABELS, r.status, lang)];

    const workbook = new ExcelJS.Workbook();
    const lines = sheet(workbook, { zh: '通知单明细', en: 'statement lines' }, LINE_COLUMNS, lang);
    for (const r of rows.filter((row) => row.line_id !== null)) {
      lines.addRow(
        [
          ...holder(r),
          r.msisdn,
          label(CATEGORY_LABELS, r.category!, lang),
          Number(r.used),
          Number(r.allowance),
          Number(r.excess),
          fenToYuan(r.amount_fen!),
          label(PAYER_LABELS, r.payer!, lang),
          ...statement(r),
        ].map(toCell),
      );
    }

    const totals = sheet(workbook, { zh: '个人合计', en: 'totals' }, TOTAL_COLUMNS, lang);
    const statements = [...new Map(rows.map((r) => [r.statement_id, r])).values()];
    for (const r of statements) {
      const count = rows.filter((row) => row.statement_id === r.statement_id && row.line_id !== null).length;
      totals.addRow([...holder(r), ...statement(r), count, fenToYuan(r.total_fen)].map(toCell));
    }
    const grandFen = statements.reduce((sum, r) => sum + r.total_fen, 0);
    totals.addRow([GRAND_TOTAL[lang], null, null, null, null, null, null, fenToYuan(grandFen)].map(toCell));

    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return new StreamableFile(buffer, {
      type: CONTENT_TYPES.xlsx,
      disposition: `attachment; filename="statements-${period}.xlsx"`,
    });
  }
}

function sheet(workbook: ExcelJS.Workbook, name: LocalizedText, columns: Column[], lang: Lang) {
  const worksheet = workbook.addWorksheet(name[lang]);
  worksheet.columns = columns.map((c) => ({
    header: spreadsheetSafe(c.header[lang]),
    width: c.width,
    ...(c.money ? { style: { numFmt: '0.00' } } : {}),
  }));
  return worksheet;
}
