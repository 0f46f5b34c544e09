import { fieldTable, html, officialDocument, type PrintDocument } from '@fleet/server/platform';

/** What the handover receipt (领用签收单) shows; every value is escaped when rendered. */
export interface ReceiptData {
  assignmentId: number;
  /** The bureau that issues it (BUREAU_NAME). */
  bureau: string;
  /** The units from the root down to the officer's own. */
  unitPath: string[];
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

/** The printable, A4 handover receipt in Chinese, signed on paper by both sides. */
export function renderReceipt(r: ReceiptData): PrintDocument {
  const number = `LY-${String(r.assignmentId).padStart(6, '0')}`;
  const sims = r.sims.length
    ? html`${r.sims.map((s, i) => html`${i ? html`<br />` : ''}卡槽 ${s.slot}：号码 ${s.msisdn}，ICCID ${s.iccid}`)}`
    : null;
  const body = html`${fieldTable([
      ['领用人', `${r.officerName}（警号 ${r.badgeNo}）`],
      ['所属单位', r.unitPath.join(' / ')],
      ['终端型号', r.model],
      ['IMEI1', r.imei1],
      ['IMEI2', r.imei2],
      ['序列号', r.serialNumber],
      ['号卡', sims],
      ['交接时状况', r.condition],
      ['随机配件', r.accessories.join('、')],
      ['交接时间', r.handedOverAt],
      ['经办人', r.handedOverBy],
      ...(r.returnedAt ? [['归还时间', r.returnedAt] as const] : []),
    ])}
    <p class="note">
      领用人确认上述终端、号卡及配件已当面点验无误，承诺妥善保管、仅用于工作，遗失或人为损坏按规定承担责任；调离或退休时应交回。
    </p>
    ${r.acceptedAt ? html`<p class="note"><b>领用人已于 ${r.acceptedAt} 在系统中确认签收。</b></p>` : ''}`;
  return {
    fileName: `领用签收单-${r.officerName}-${number}`,
    html: officialDocument({
      bureau: r.bureau,
      title: '警务通终端领用签收单',
      number,
      issuedOn: r.handedOverAt.slice(0, 10),
      banner: r.voided ? `本单已于 ${r.voided.at} 作废：${r.voided.reason}` : null,
      body,
      signatures: [
        { role: '交付人' },
        { role: '领用人', date: r.acceptedAt?.slice(0, 10) ?? null },
        { role: '交付单位', seal: true },
      ],
      footnote: '本单一式两份，交付单位与领用人各执一份。',
    }),
  };
}
