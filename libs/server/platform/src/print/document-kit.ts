import { html, type SafeHtml, trustedHtml } from './html';

/**
 * The small kit the printed documents are made of (超额费用通知单, 领用签收单, 维修接收单, labels): an A4
 * page headed by the bureau, a number and an issue date, field tables, line tables, amounts in figures
 * and in capitals, and signature lines. Every value is escaped by `html`.
 */
export interface OfficialDocument {
  /** The bureau the document is issued by (BUREAU_NAME). */
  bureau: string;
  title: string;
  /** 编号: unique per document and version. */
  number: string;
  /** 签发日期, YYYY-MM-DD (China Standard Time). */
  issuedOn: string;
  /** A red line above the body when the document no longer holds (voided, superseded, cancelled). */
  banner?: string | null;
  body: SafeHtml;
  /** The people who sign: each gets a signature and a date line. */
  signatures: Signature[];
  /** Small print at the foot (copies, where to ask). */
  footnote?: string;
}

export interface Signature {
  role: string;
  /** Printed under the line when the date is known (an acceptance in the console). */
  date?: string | null;
  /** The bureau's side carries its seal. */
  seal?: boolean;
}

const DOCUMENT_CSS = `
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #000; font: 10.5pt/1.6 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
.page { width: 178mm; margin: 0 auto; }
.letterhead { text-align: center; color: #c00; font: bold 22pt/1.3 "Noto Serif CJK SC", "Songti SC", SimSun, serif; letter-spacing: 3pt; }
.rule { border: 0; border-top: 2.5pt solid #c00; border-bottom: .75pt solid #c00; height: 4pt; margin: 6pt 0 12pt; }
h1 { text-align: center; font: bold 17pt/1.4 "Noto Sans CJK SC", "Source Han Sans SC", "Heiti SC", SimHei, sans-serif; letter-spacing: 6pt; margin: 0 0 8pt; }
.docmeta { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 8pt; }
.banner { border: 1.5pt solid #c00; color: #c00; font-weight: bold; text-align: center; padding: 4pt; margin: 0 0 8pt; }
h2 { font: bold 11.5pt/1.4 "Noto Sans CJK SC", "Source Han Sans SC", SimHei, sans-serif; margin: 12pt 0 4pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }
th, td { border: .75pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
thead th { background: #eee; font-weight: bold; text-align: center; white-space: nowrap; }
table.fields th { width: 22%; background: #f4f4f4; font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.lines { font-size: 9.5pt; }
table.lines td:nth-child(-n+2) { white-space: nowrap; }
td.how { font-size: 8.5pt; line-height: 1.45; }
tr.total td { font-weight: bold; }
.amount { border: .75pt solid #000; padding: 5pt 8pt; margin: 8pt 0; display: flex; justify-content: space-between; }
.amount .capital { font-weight: bold; letter-spacing: 1pt; }
p { margin: 4pt 0; }
.note { text-indent: 2em; }
.small { font-size: 9pt; color: #333; }
.signatures { display: flex; justify-content: space-between; gap: 10mm; margin-top: 18pt; page-break-inside: avoid; }
.signatures > div { flex: 1; }
.sign-line { display: block; position: relative; height: 10mm; border-bottom: .75pt solid #000; margin-bottom: 3mm; }
.seal { position: absolute; right: 0; bottom: 2pt; color: #999; font-size: 8.5pt; }
.footnote { margin-top: 14pt; border-top: .5pt solid #999; padding-top: 4pt; font-size: 8.5pt; color: #333; }
@media screen {
  html { background: #e8e8e8; }
  body { padding: 8mm 0; }
  .page { background: #fff; width: 210mm; min-height: 297mm; padding: 16mm 16mm 18mm; box-shadow: 0 1mm 4mm rgba(0,0,0,.25); }
}
@media print { thead th, table.fields th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** A whole HTML page (A4) with its own CSS: what the print route serves and Chromium turns into PDF. */
export function printPage(title: string, css: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <style>
          ${trustedHtml(css)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

/** An official document: the bureau in red above a double rule, title, number and date, body, signatures. */
export function officialDocument(d: OfficialDocument): string {
  return printPage(
    `${d.title} ${d.number}`,
    DOCUMENT_CSS,
    html`<div class="page">
      <div class="letterhead">${d.bureau}</div>
      <hr class="rule" />
      <h1>${d.title}</h1>
      <div class="docmeta">
        <span>编号：${d.number}</span><span>签发日期：${chineseDate(d.issuedOn)}</span>
      </div>
      ${d.banner ? html`<p class="banner">${d.banner}</p>` : ''} ${d.body} ${signatureBlock(d.signatures)}
      ${d.footnote ? html`<p class="footnote">${d.footnote}</p>` : ''}
    </div>`,
  );
}

/** 2026-01-31 → 2026年01月31日. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : isoDate;
}

/** A moment as people in the bureau read it: China Standard Time, `YYYY-MM-DD HH:mm`. */
export function chinaDateTime(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function signatureBlock(signatures: Signature[]): SafeHtml {
  return html`<div class="signatures">
    ${signatures.map(
      (s) =>
        html`<div>
          ${s.role}（签字${s.seal ? '/盖章' : ''}）：<span class="sign-line"
            >${s.seal ? html`<span class="seal">（公章）</span>` : ''}</span
          >日期：${s.date ? chineseDate(s.date) : '______年____月____日'}
        </div>`,
    )}
  </div>`;
}

/** A two-column table of labels and values; an em dash where there is no value. */
export function fieldTable(
  rows: readonly (readonly [string, string | number | SafeHtml | null | undefined])[],
): SafeHtml {
  return html`<table class="fields">
    <tbody>
      ${rows.map(
        ([label, value]) =>
          html`<tr>
            <th>${label}</th>
            <td>${value === null || value === undefined || value === '' ? '—' : value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A column of a line table: its heading, and whether it holds figures (right-aligned). */
export interface Column {
  title: string;
  num?: boolean;
  className?: string;
}

/** A table of lines (a statement's charges): headings, rows of cells, and an optional closing row. */
export function lineTable(
  columns: readonly Column[],
  rows: readonly (readonly (string | number | SafeHtml | null)[])[],
  total?: readonly (string | number | SafeHtml | null)[],
): SafeHtml {
  const cls = (c: Column) => [c.num ? 'num' : '', c.className ?? ''].join(' ').trim() || null;
  const cells = (row: readonly (string | number | SafeHtml | null)[]) =>
    row.map((cell, i) => {
      const c = cls(columns[i] ?? { title: '' });
      return c ? html`<td class="${c}">${cell ?? '—'}</td>` : html`<td>${cell ?? '—'}</td>`;
    });
  return html`<table class="lines">
    <thead>
      <tr>
        ${columns.map((c) => html`<th>${c.title}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${cells(row)}
          </tr>`,
      )}${
        total
          ? html`<tr class="total">
              ${cells(total)}
            </tr>`
          : ''
      }
    </tbody>
  </table>`;
}

/** An amount in figures and in capitals (大写), as a receipt states it. */
export function amountBox(label: string, figures: string, capitals: string): SafeHtml {
  return html`<div class="amount">
    <span>${label}（大写）：<span class="capital">${capitals}</span></span
    ><span>（小写）¥${figures}</span>
  </div>`;
}
