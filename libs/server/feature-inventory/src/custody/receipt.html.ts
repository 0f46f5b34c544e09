import { escapeHtml, printFormHead, printFormRow } from '@fleet/server/platform';
/** What the handover receipt (领用签收单) shows; every value is escaped when rendered. */
export interface ReceiptData {
  assignmentId: number;
  bureau: string;
  unit: string;
  officerName: string;
  badgeNo: string;
  model: string;
  imei1: string;
  imei2: string | null;
  serialNumber: string | null;
  sims: { slot: number; iccid: string; msisdn: string }[];
  condition: string | null;
  accessories: string[];
  /** China Standard Time, `YYYY-MM-DD HH:mm`. */
  handedOverAt: string;
  handedOverBy: string | null;
  acceptedAt: string | null;
  returnedAt: string | null;
  voided: { at: string; reason: string } | null;
}

const row = printFormRow;

/** The printable, A4 handover receipt in Chinese, signed on paper by both sides. */
export function renderReceipt(r: ReceiptData): string {
  const sims = r.sims.length
    ? r.sims
        .map((s) => `卡槽 ${escapeHtml(s.slot)}：ICCID ${escapeHtml(s.iccid)}，号码 ${escapeHtml(s.msisdn)}`)
        .join('<br>')
    : '—';
  const acceptance = r.acceptedAt
    ? `<p class="accepted">领用人已于 ${escapeHtml(r.acceptedAt)} 确认签收。</p>`
    : '';
  const voided = r.voided
    ? `<p class="void">本单已于 ${escapeHtml(r.voided.at)} 作废：${escapeHtml(r.voided.reason)}</p>`
    : '';
  return `${printFormHead(`警务通终端领用签收单 No.${r.assignmentId}`)}
<h1>警务通终端领用签收单</h1>
${voided}
<div class="meta"><span>${escapeHtml(r.bureau)}&emsp;${escapeHtml(r.unit)}</span><span>编号：${escapeHtml(r.assignmentId)}</span></div>
<table>
${row('领用人', `${r.officerName}（警号 ${r.badgeNo}）`)}
${row('所属单位', r.unit)}
${row('终端型号', r.model)}
${row('IMEI1', r.imei1)}
${row('IMEI2', r.imei2)}
${row('序列号', r.serialNumber)}
<tr><th>号卡</th><td>${sims}</td></tr>
${row('交接时状况', r.condition)}
${row('随机配件', r.accessories.join('、'))}
${row('交接时间', r.handedOverAt)}
${row('经办人', r.handedOverBy)}
${r.returnedAt ? row('归还时间', r.returnedAt) : ''}
</table>
<p class="note">领用人确认上述终端及配件已当面点验无误，承诺妥善保管、仅用于工作，遗失或人为损坏按规定承担责任；调离或退休时应交回。</p>
${acceptance}
<div class="signatures">
  <div>交付人（签字）：____________<br>日期：______年____月____日</div>
  <div>领用人（签字）：____________<br>日期：${r.acceptedAt ? escapeHtml(r.acceptedAt.slice(0, 10)) : '______年____月____日'}</div>
</div>
</body>
</html>
`;
}
