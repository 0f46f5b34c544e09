import { escapeHtml } from './escape-html';

/** The look of the printable A4 forms (领用签收单, 维修接收单): a titled table and signature lines. */
const PRINT_FORM_CSS = `
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 14px; color: #000; max-width: 174mm; margin: 0 auto; }
  h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 0 0 4px; }
  .meta { display: flex; justify-content: space-between; margin: 12px 0; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { width: 28%; font-weight: normal; background: #f2f2f2; }
  .note { margin: 12px 0; line-height: 1.7; }
  .signatures { display: flex; justify-content: space-between; margin-top: 36px; }
  .signatures div { width: 45%; line-height: 2.6; }
  .void { color: #b00; font-weight: bold; border: 2px solid #b00; padding: 6px; text-align: center; }
  .accepted { font-weight: bold; }
  @media print {
    body { margin: 0; }
    th { background: none; }
  }`;

/** The start of a printable form's page, up to and including `<body>`; the title is escaped. */
export function printFormHead(title: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${PRINT_FORM_CSS}
</style>
</head>
<body>`;
}

/** A row of a printable form's table: label and value (escaped), an em dash when there is no value. */
export function printFormRow(label: string, value: string | number | null | undefined): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${value === null || value === undefined || value === '' ? '—' : escapeHtml(value)}</td></tr>`;
}
