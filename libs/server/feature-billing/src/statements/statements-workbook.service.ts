import { Injectable, StreamableFile } from '@nestjs/common';
import { fenToYuan } from '@fleet/domain/billing';
import { ApiException, CONTENT_TYPES, type Lang, type LocalizedText, toCell } from '@fleet/server/platform';
import { spreadsheetSafe } from '@fleet/domain/inventory';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import ExcelJS from 'exceljs';
import { parsePeriod } from '../periods/period.dto';
import { CATEGORY_LABELS, label, PAYER_LABELS, STATUS_LABELS } from './statement-labels';
import { type StatementLineRow, StatementsStore } from './statements.store';

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
/** A workbook line with its holder (org's officers and units) and its SIM's number (inventory's). */
type LineRow = StatementLineRow & {
  name: string | null;
  badge_no: string | null;
  unit: string | null;
  msisdn: string | null;
};

const BUREAU: LocalizedText = { zh: '本局（单位承担）', en: 'bureau (own charges)' };
const GRAND_TOTAL: LocalizedText = { zh: '合计', en: 'total' };

/**
 * The month's statements in force (not superseded) as one workbook for finance: a sheet of every
 * statement line and a sheet of each holder's total, amounts in yuan from exact fen, every text cell
 * formula-safe. A month's statements are about a hundred lines, so the workbook is built in memory.
 */
@Injectable()
export class StatementsWorkbookService {
  constructor(
    private readonly store: StatementsStore,
    private readonly org: OrgLookupReader,
    private readonly inventory: InventoryLookupReader,
  ) {}

  async workbook(period: string, lang: Lang): Promise<StreamableFile> {
    parsePeriod(period);
    if (!(await this.store.periodExists(period))) {
      throw ApiException.notFound('periods', period);
    }
    const rows = await this.withNames(await this.store.workbookRows(period));
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
    const lineCounts = new Map<number, number>();
    for (const row of rows)
      if (row.line_id !== null) lineCounts.set(row.statement_id, (lineCounts.get(row.statement_id) ?? 0) + 1);
    for (const r of statements) {
      const count = lineCounts.get(r.statement_id) ?? 0;
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

  /** The rows with each holder's name, badge and unit, and each line's SIM number, from their owners. */
  private async withNames(rows: StatementLineRow[]): Promise<LineRow[]> {
    const officerIds = [...new Set(rows.flatMap((r) => (r.officer_id === null ? [] : [r.officer_id])))];
    const officers = new Map((await this.org.officersByIds(officerIds)).map((o) => [o.id, o]));
    const units = await this.org.unitsOf(officerIds);
    const numbers = await this.inventory.msisdns(rows.flatMap((r) => (r.sim_id === null ? [] : [r.sim_id])));
    return rows.map((r) => {
      const officer = r.officer_id === null ? undefined : officers.get(r.officer_id);
      return {
        ...r,
        name: officer?.name ?? null,
        badge_no: officer?.badgeNo ?? null,
        unit: r.officer_id === null ? null : (units.get(r.officer_id)?.unitName ?? null),
        msisdn: r.sim_id === null ? null : (numbers.get(r.sim_id) ?? null),
      };
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
