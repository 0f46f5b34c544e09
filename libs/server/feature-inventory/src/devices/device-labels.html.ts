import { html, printPage, type PrintDocument, type SafeHtml, trustedHtml } from '@fleet/server/platform';

/** One device's label: what is printed beside its QR code (the QR holds the IMEI alone). */
export interface DeviceLabel {
  imei1: string;
  model: string;
  /** The bureau's fixed-asset number (固定资产编号) when registered; else the label shows IMEI and unit. */
  assetNo: string | null;
  unit: string;
  /** The QR code of imei1, as SVG markup from the qrcode package. */
  qrSvg: string;
}

/**
 * Labels in a grid on A4 sticker stock, 3 × 8 of 70 × 37 mm (the common 24-up sheet), edge to edge: the
 * page has no margin, so printing at 100 % puts each label on its sticker.
 */
const LABEL_CSS = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; }
.sheet { width: 210mm; display: grid; grid-template-columns: repeat(3, 70mm); grid-auto-rows: 37.125mm; page-break-after: always; }
.sheet:last-child { page-break-after: auto; }
.label { display: flex; gap: 2.5mm; align-items: center; padding: 2.5mm 3mm; overflow: hidden; outline: .2mm dashed #bbb; }
.qr { flex: none; width: 27mm; height: 27mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.text { min-width: 0; font-size: 7.5pt; line-height: 1.35; }
.bureau { font-weight: bold; font-size: 8pt; border-bottom: .3mm solid #000; padding-bottom: .6mm; margin-bottom: .8mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.asset { font-weight: bold; font-size: 9pt; }
.imei { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; letter-spacing: .2pt; }
.muted { color: #333; }
@media screen {
  html { background: #e8e8e8; }
  body { padding: 8mm 0; }
  .sheet { margin: 0 auto 8mm; background: #fff; min-height: 297mm; align-content: start; box-shadow: 0 1mm 4mm rgba(0,0,0,.25); }
}
@media print { .label { outline: none; } }
`;

const PER_SHEET = 24;

function label(bureau: string, l: DeviceLabel): SafeHtml {
  return html`<div class="label" data-imei="${l.imei1}">
    <div class="qr">${trustedHtml(l.qrSvg)}</div>
    <div class="text">
      <div class="bureau">${bureau}</div>
      ${l.assetNo ? html`<div class="asset">资产编号 ${l.assetNo}</div>` : ''}
      <div class="imei">IMEI ${l.imei1}</div>
      <div class="muted">${l.model}</div>
      <div class="muted">${l.unit}</div>
    </div>
  </div>`;
}

/** The printable label sheet(s) of the devices, in the order asked for. */
export function renderDeviceLabels(
  bureau: string,
  labels: readonly DeviceLabel[],
  printedOn: string,
): PrintDocument {
  const sheets: DeviceLabel[][] = [];
  for (let i = 0; i < labels.length; i += PER_SHEET) sheets.push(labels.slice(i, i + PER_SHEET));
  return {
    fileName: `设备标签-${printedOn}-${labels.length}`,
    footer: false,
    html: printPage(
      `设备标签（${labels.length} 张）`,
      LABEL_CSS,
      html`${sheets.map((sheet) => html`<div class="sheet">${sheet.map((l) => label(bureau, l))}</div>`)}`,
    ),
  };
}
