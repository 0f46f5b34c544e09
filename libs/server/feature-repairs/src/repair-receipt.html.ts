import { REPAIR_STATUS_LABELS, type RepairStatus } from '@fleet/domain/repairs';
import {
  chinaDateTime,
  fieldTable,
  html,
  officialDocument,
  type PrintDocument,
} from '@fleet/server/platform';

/** What the repair intake receipt (维修接收单) shows; every value is escaped when rendered. */
export interface RepairReceiptData {
  /** The bureau that issues it (BUREAU_NAME). */
  bureau: string;
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

/** The printable, A4 repair intake receipt in Chinese, signed on paper by the officer and the desk. */
export function renderRepairReceipt(r: RepairReceiptData): PrintDocument {
  const reportedAt = chinaDateTime(r.reportedAt);
  const warranty = r.inWarranty
    ? `在保修期内（保修截止 ${r.warrantyEndOn}）`
    : `已过保修期（保修截止 ${r.warrantyEndOn}）`;
  const body = html`${fieldTable([
      ['送修人', r.officer ? `${r.officer.name}（警号 ${r.officer.badgeNo}）` : null],
      ['所属单位', r.unit],
      ['终端型号', r.model],
      ['IMEI1', r.imei1],
      ['IMEI2', r.imei2],
      ['序列号', r.serialNumber],
      ['报修时间', reportedAt],
      ['故障描述', r.fault],
      ['随机配件', r.accessories.join('、')],
      ['外观及状况', r.condition],
      ['保修状态', warranty],
      ['现场照片', `${r.photos} 张`],
      ['接收人', r.receivedBy],
    ])}
    <p class="note">
      以上终端及配件已当面点验交接。维修责任及费用按合同第 4.6
      条认定：非人为损坏在保修期内由运营商保修；人为损坏（摔落、屏幕损坏、进水、挤压、丢失）由损坏时的持有人承担；最终以诊断结果为准。送修期间可申请备用机。
    </p>`;
  return {
    fileName: `维修接收单-${r.ticketNo}`,
    html: officialDocument({
      bureau: r.bureau,
      title: '警务通终端维修接收单',
      number: r.ticketNo,
      issuedOn: reportedAt.slice(0, 10),
      banner:
        r.status === 'cancelled' ? `本维修单已${REPAIR_STATUS_LABELS.cancelled.zh.replace(/^已/, '')}` : null,
      body,
      signatures: [{ role: '送修人' }, { role: '接收人' }, { role: '维修受理单位', seal: true }],
      footnote: '凭本单取回终端；本单一式两份，送修人与维修受理单位各执一份。',
    }),
  };
}
