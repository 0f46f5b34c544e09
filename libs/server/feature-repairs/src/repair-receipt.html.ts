import { REPAIR_STATUS_LABELS, type RepairStatus } from '@fleet/domain/repairs';
import { escapeHtml, printFormHead, printFormRow } from '@fleet/server/platform';

/** What the repair intake receipt (维修接收单) shows; every value is escaped when rendered. */
export interface RepairReceiptData {
  ticketNo: string;
  model: string;
  imei1: string;
  imei2: string | null;
  serialNumber: string | null;
  officer: { name: string; badgeNo: string } | null;
  unit: string | null;
  reportedAt: Date;
  fault: string;
  accessories: string[];
  condition: string | null;
  warrantyEndOn: string;
  inWarranty: boolean;
  photos: number;
  /** The staff login that took the device in. */
  receivedBy: string | null;
  status: RepairStatus;
}

/** A moment as people in the bureau read it: China Standard Time, `YYYY-MM-DD HH:mm`. */
const chinaDateTime = (moment: Date) =>
  new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const row = printFormRow;

/** The printable, A4 repair intake receipt in Chinese, signed on paper by the officer and the desk. */
export function renderRepairReceipt(r: RepairReceiptData): string {
  const warranty = r.inWarranty
    ? `在保修期内（保修截止 ${r.warrantyEndOn}）`
    : `已过保修期（保修截止 ${r.warrantyEndOn}）`;
  const cancelled =
    r.status === 'cancelled'
      ? `<p class="void">本维修单已${escapeHtml(REPAIR_STATUS_LABELS.cancelled.zh.replace(/^已/, ''))}</p>`
      : '';
  return `${printFormHead(`警务通终端维修接收单 ${r.ticketNo}`)}
<h1>警务通终端维修接收单</h1>
${cancelled}
<div class="meta"><span>${escapeHtml(r.unit ?? '')}</span><span>维修单号：${escapeHtml(r.ticketNo)}</span></div>
<table>
${row('送修人', r.officer ? `${r.officer.name}（警号 ${r.officer.badgeNo}）` : null)}
${row('所属单位', r.unit)}
${row('终端型号', r.model)}
${row('IMEI1', r.imei1)}
${row('IMEI2', r.imei2)}
${row('序列号', r.serialNumber)}
${row('报修时间', chinaDateTime(r.reportedAt))}
${row('故障描述', r.fault)}
${row('随机配件', r.accessories.join('、'))}
${row('外观及状况', r.condition)}
${row('保修状态', warranty)}
${row('现场照片', `${r.photos} 张`)}
${row('接收人', r.receivedBy)}
</table>
<p class="note">以上终端及配件已当面点验交接。维修责任及费用按合同第 4.6 条认定：非人为损坏在保修期内由运营商保修；人为损坏（摔落、屏幕损坏、进水、挤压、丢失）由损坏时的持有人承担；最终以诊断结果为准。送修期间可申请备用机。</p>
<div class="signatures">
  <div>送修人（签字）：____________<br>日期：______年____月____日</div>
  <div>接收人（签字）：____________<br>日期：______年____月____日</div>
</div>
</body>
</html>
`;
}
