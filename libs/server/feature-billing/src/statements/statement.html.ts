import {
  capitalAmount,
  chargeComputation,
  type ChargeComputation,
  formatDataVolume,
  formatFen,
  type Tariff,
} from '@fleet/domain/billing';
import {
  amountBox,
  type Column,
  fieldTable,
  html,
  lineTable,
  officialDocument,
  type PrintDocument,
  type SafeHtml,
} from '@fleet/server/platform';
import { label, PAYER_LABELS } from './statement-labels';

export interface PrintableStatement {
  id: number;
  bureau: string;
  officer: { name: string; badgeNo: string; unit: string } | null;
  period: string;
  version: number;
  status: string;
  /** YYYY-MM-DD, China Standard Time. */
  issuedOn: string;
  totalFen: number;
  previousTotalFen: number | null;
  /** The tariff in force for the month, with the month it applies from; null when none is on file. */
  tariff: (Tariff & { effectiveFrom: string }) | null;
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

type Line = PrintableStatement['lines'][number];

const CATEGORY = { voice: '语音', sms: '短信', national: '国内流量', apn: '专网流量' } as const;
const UNIT = { voice: '分钟', sms: '条', national: 'GB', apn: 'GB' } as const;

const isRepair = (l: Line) => l.category === 'repair';
const isData = (category: string) => category === 'national' || category === 'apn';

/** A usage figure in its unit: minutes, messages, or data in GB/MB with two decimals. */
function quantity(category: string, amount: number): string {
  if (isData(category)) return formatDataVolume(amount);
  return `${amount} ${category === 'voice' ? '分钟' : '条'}`;
}

/** The share of a SIM's charge on this statement, in words: by usage or by days held. */
function shareText(c: ChargeComputation, amountFen: number): string {
  if (!c.share) return '';
  const { kind, weight, totalWeight } = c.share;
  const percent = ((weight * 10_000) / totalWeight / 100).toFixed(2);
  const basis =
    kind === 'days'
      ? `按持有天数 ${weight}/${totalWeight} 天`
      : `按本人使用量 ${quantity(c.category, weight)}/${quantity(c.category, totalWeight)}`;
  return `；${basis}（${percent}%）分摊 ${formatFen(amountFen)} 元`;
}

/** How the line's amount was computed (§3.5): excess → units × price = the SIM's charge, then the share. */
function computationText(line: Line): string {
  const c = chargeComputation({ ...line, basis: line.basis ?? {} });
  if (!c) return '';
  const unit = UNIT[c.category];
  const units = isData(c.category)
    ? `超出 ${formatDataVolume(line.excess)}，不足 1 GB 按 1 GB 计，计 ${c.chargedUnits} GB`
    : `超出 ${c.chargedUnits} ${unit}`;
  return `${units} × ${formatFen(c.unitPriceFen)} 元/${unit} = ${formatFen(c.simAmountFen)} 元${shareText(c, line.amountFen)}`;
}

const USAGE_COLUMNS: Column[] = [
  { title: '号码' },
  { title: '类别' },
  { title: '使用量', num: true },
  { title: '套餐内', num: true },
  { title: '超出', num: true },
  { title: '计算方法', className: 'how' },
  { title: '金额（元）', num: true },
  { title: '付费方' },
];

function usageSection(s: PrintableStatement): SafeHtml {
  const lines = s.lines.filter((l) => !isRepair(l));
  if (!lines.length) return html`<p>本月无超出套餐的通信费用。</p>`;
  const sum = lines.reduce((total, l) => total + l.amountFen, 0);
  return html`<h2>一、通信超额费用</h2>
    ${lineTable(
      USAGE_COLUMNS,
      lines.map((l) => [
        l.msisdn,
        CATEGORY[l.category as keyof typeof CATEGORY] ?? l.category,
        quantity(l.category, l.used),
        quantity(l.category, l.allowance),
        quantity(l.category, l.excess),
        computationText(l),
        formatFen(l.amountFen),
        label(PAYER_LABELS, l.payer, 'zh'),
      ]),
      ['小计', '', '', '', '', '', formatFen(sum), ''],
    )}`;
}

/** Repair charges (issue 5) in their own section: the ticket, the device, the cause and the amount. */
function repairSection(s: PrintableStatement): SafeHtml | '' {
  const repairs = s.lines.filter(isRepair);
  if (!repairs.length) return '';
  return html`<h2>二、维修费用</h2>
    ${lineTable(
      [
        { title: '维修单号' },
        { title: '终端 IMEI' },
        { title: '损坏原因' },
        { title: '计算方法', className: 'how' },
        { title: '金额（元）', num: true },
        { title: '付费方' },
      ],
      repairs.map((l) => {
        const b = l.basis ?? {};
        return [
          b.ticketNo ?? l.repairTicketId ?? '',
          b.imei ?? '',
          b.causeLabel ?? '',
          `维修费用，责任认定：${b.reason ?? '按合同第 4.6 条'}`,
          formatFen(l.amountFen),
          label(PAYER_LABELS, l.payer, 'zh'),
        ];
      }),
    )}`;
}

/** The tariff the month was charged at, with the rule for data (per started GB). */
function tariffSection(s: PrintableStatement): SafeHtml | '' {
  const t = s.tariff;
  if (!t) return '';
  return html`<p class="small">
    计费标准（${t.effectiveFrom} 起执行）：语音 ${formatFen(t.voiceFenPerMin)} 元/分钟；短信
    ${formatFen(t.smsFenPerMessage)} 元/条；国内流量 ${formatFen(t.nationalFenPerStartedGb)} 元/GB，专网流量
    ${formatFen(t.apnFenPerStartedGb)} 元/GB，超出部分不足 1 GB 按 1 GB 计。超额费用 = 超出量 ×
    单价；一张号卡当月由多人持有的，按各人使用量（仅有汇总数据时按持有天数）分摊，分摊余数计入份额最大者。
  </p>`;
}

function banner(s: PrintableStatement): string | null {
  if (s.status === 'superseded') return '本通知单已被更正版取代，仅供查阅，请以最新版本为准';
  return null;
}

/** The printable overage statement (超额费用通知单), A4, in Chinese. */
export function renderStatement(s: PrintableStatement): PrintDocument {
  const number = `CF${s.period.replace('-', '')}-${String(s.id).padStart(6, '0')}${s.version > 1 ? `-V${s.version}` : ''}`;
  const [year, month] = s.period.split('-');
  const addressee = s.officer
    ? fieldTable([
        ['被通知人', `${s.officer.name}（警号 ${s.officer.badgeNo}）`],
        ['所属单位', s.officer.unit],
        ['费用月份', `${year}年${month}月`],
        ['版本', s.version > 1 ? `第 ${s.version} 版（更正）` : '第 1 版'],
      ])
    : fieldTable([
        ['费用承担', `${s.bureau}（单位承担部分汇总）`],
        ['费用月份', `${year}年${month}月`],
        ['版本', s.version > 1 ? `第 ${s.version} 版（更正）` : '第 1 版'],
      ]);
  const amended =
    s.previousTotalFen === null
      ? ''
      : html`<p class="note">
          更正通知（第 ${s.version} 版）：原合计
          ¥${formatFen(s.previousTotalFen)}，${differenceText(
            s.totalFen - s.previousTotalFen,
          )}。本版取代此前各版。
        </p>`;
  const intro = s.officer
    ? html`<p class="note">
        ${s.officer.name}同志：根据警务通号卡租用合同及本局通信费用管理规定，您 ${year} 年 ${month}
        月使用的警务通号卡超出套餐部分的费用明细如下，请核对。
      </p>`
    : html`<p class="note">
        ${year} 年 ${month} 月由单位承担的警务通号卡超额费用（无人持有期间的使用及专网流量等）明细如下。
      </p>`;
  const body = html`${addressee} ${intro} ${usageSection(s)} ${repairSection(s)}
  ${amountBox('合计金额', formatFen(s.totalFen), capitalAmount(s.totalFen))} ${amended} ${tariffSection(s)}`;
  return {
    fileName: `超额费用通知单-${s.period}-${s.officer ? s.officer.name : '单位'}-${number}`,
    html: officialDocument({
      bureau: s.bureau,
      title: '超额费用通知单',
      number,
      issuedOn: s.issuedOn,
      banner: banner(s),
      body,
      signatures: s.officer
        ? [{ role: '被通知人' }, { role: '经办人' }, { role: '开具单位', seal: true }]
        : [{ role: '经办人' }, { role: '审核人' }, { role: '开具单位', seal: true }],
      footnote:
        '对本通知单有异议的，可在警务通管理系统“我的通知单”中对本单提出异议并写明理由；本单一式两份，开具单位与被通知人各执一份。',
    }),
  };
}

/** "差额 ¥0.32（叁角贰分）", on one line whatever the template's layout. */
function differenceText(differenceFen: number): string {
  return `差额 ¥${formatFen(differenceFen)}（${capitalAmount(differenceFen)}）`;
}
