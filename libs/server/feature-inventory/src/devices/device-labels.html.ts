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
.label { display: flex; flex-direction: column; padding: 2mm 3mm 2mm; overflow: hidden; outline: .2mm dashed #bbb; }
.bureau { font-weight: bold; font-size: 7.5pt; letter-spacing: .5pt; border-bottom: .3mm solid #000; padding-bottom: .5mm; margin-bottom: 1.2mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bureau small { font-weight: normal; float: right; letter-spacing: 0; }
.body { display: flex; gap: 2.5mm; align-items: flex-start; min-height: 0; }
.qr { flex: none; width: 24mm; height: 24mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.text { min-width: 0; flex: 1; font-size: 6.5pt; line-height: 1.3; }
.cap { display: block; color: #444; font-size: 5.5pt; }
.value { display: block; font-weight: bold; font-size: 8pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin-bottom: .6mm; }
.imei { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; letter-spacing: -.1pt; }
.muted { color: #222; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
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
    <div class="bureau">${bureau}<small>警务通终端</small></div>
    <div class="body">
      <div class="qr">${trustedHtml(l.qrSvg)}</div>
      <div class="text">
        ${l.assetNo ? html`<span class="cap">资产编号</span><span class="value">${l.assetNo}</span>` : ''}
        <span class="cap">IMEI</span><span class="value imei">${l.imei1}</span>
        <span class="muted">${l.model}</span>
        <span class="muted">${l.unit}</span>
      </div>
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
