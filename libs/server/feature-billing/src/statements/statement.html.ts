import { escapeHtml } from '@fleet/server/platform';
import { formatFen } from '@fleet/domain/billing';
import { CATEGORY_LABELS, label, PAYER_LABELS } from './statement-labels';

const esc = escapeHtml;

export interface PrintableStatement {
  officer: { name: string; badgeNo: string; unit: string } | null;
  period: string;
  version: number;
  totalFen: number;
  previousTotalFen: number | null;
  lines: {
    msisdn: string;
    category: string;
    used: number;
    allowance: number;
    excess: number;
    amountFen: number;
    payer: string;
    /** Set on a repair charge (category 'repair'), whose basis names the ticket. */
    repairTicketId?: number | null;
    basis?: Record<string, string | number | null>;
  }[];
}

const isRepair = (l: PrintableStatement['lines'][number]) => l.category === 'repair';

/** Repair charges (issue 5) in their own section: the ticket, the device, the cause and the amount. */
function repairSection(s: PrintableStatement): string {
  const repairs = s.lines.filter(isRepair);
  if (!repairs.length) return '';
  const rows = repairs
    .map((l) => {
      const b = l.basis ?? {};
      return `<tr><td>${esc(b.ticketNo ?? l.repairTicketId ?? '')}</td><td>${esc(b.imei ?? '')}</td><td>${esc(b.causeLabel ?? '')}</td><td>${esc(formatFen(l.amountFen))}</td><td>${esc(label(PAYER_LABELS, l.payer, 'zh'))}</td></tr>`;
    })
    .join('\n');
  return `<h2>维修费用</h2>
<table class="repairs"><thead><tr><th>维修单号</th><th>终端 IMEI</th><th>损坏原因</th><th>金额（元）</th><th>付费方</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** The printable overage statement (超额费用通知单), A4, in Chinese. */
export function renderStatement(s: PrintableStatement): string {
  const lines = s.lines
    .filter((l) => !isRepair(l))
    .map(
      (l) =>
        `<tr><td>${esc(l.msisdn)}</td><td>${esc(label(CATEGORY_LABELS, l.category, 'zh'))}</td><td>${esc(l.used)}</td><td>${esc(l.allowance)}</td><td>${esc(l.excess)}</td><td>${esc(formatFen(l.amountFen))}</td><td>${esc(label(PAYER_LABELS, l.payer, 'zh'))}</td></tr>`,
    )
    .join('\n');
  const amended =
    s.previousTotalFen === null
      ? ''
      : `<p class="amended">更正通知（第 ${esc(s.version)} 版）：原合计 ¥${esc(formatFen(s.previousTotalFen))}，差额 ¥${esc(formatFen(s.totalFen - s.previousTotalFen))}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>超额费用通知单 ${esc(s.period)}</title>
<style>body{font-family:"Noto Serif CJK SC",serif;margin:2cm}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px}@media print{@page{size:A4}}</style>
</head><body>
<h1>超额费用通知单</h1>
<p>${s.officer ? `警员：${esc(s.officer.name)}&emsp;警号：${esc(s.officer.badgeNo)}&emsp;单位：${esc(s.officer.unit)}` : '单位汇总'}&emsp;月份：${esc(s.period)}&emsp;版本：${esc(s.version)}</p>
<table><thead><tr><th>号码</th><th>类别</th><th>使用量</th><th>套餐内</th><th>超出</th><th>金额（元）</th><th>付费方</th></tr></thead>
<tbody>
${lines}
</tbody></table>
${repairSection(s)}
<p class="total">合计：¥${esc(formatFen(s.totalFen))}</p>
${amended}
</body></html>`;
}
