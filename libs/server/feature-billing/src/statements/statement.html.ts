import { escapeHtml } from '@fleet/server/platform';
import { formatFen } from '@fleet/domain/billing';

const esc = escapeHtml;

const CATEGORY: Record<string, string> = {
  voice: '语音（分钟）',
  sms: '短信（条）',
  national: '国内流量（KB）',
  apn: '专网流量（KB）',
  repair: '维修',
};
const PAYER: Record<string, string> = { officer: '个人', bureau: '单位' };

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
  }[];
}

/** The printable overage statement (超额费用通知单), A4, in Chinese. */
export function renderStatement(s: PrintableStatement): string {
  const lines = s.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.msisdn)}</td><td>${esc(CATEGORY[l.category] ?? l.category)}</td><td>${esc(l.used)}</td><td>${esc(l.allowance)}</td><td>${esc(l.excess)}</td><td>${esc(formatFen(l.amountFen))}</td><td>${esc(PAYER[l.payer] ?? l.payer)}</td></tr>`,
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
<p class="total">合计：¥${esc(formatFen(s.totalFen))}</p>
${amended}
</body></html>`;
}
