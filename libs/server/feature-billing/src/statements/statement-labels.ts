import type { Lang, LocalizedText } from '@fleet/server/platform';

/** How a statement line's category, payer and a statement's status read on paper and in spreadsheets. */
export const CATEGORY_LABELS: Record<string, LocalizedText> = {
  voice: { zh: '语音（分钟）', en: 'voice (min)' },
  sms: { zh: '短信（条）', en: 'SMS (messages)' },
  national: { zh: '国内流量（KB）', en: 'national data (KB)' },
  apn: { zh: '专网流量（KB）', en: 'APN data (KB)' },
  repair: { zh: '维修', en: 'repair' },
};

export const PAYER_LABELS: Record<string, LocalizedText> = {
  officer: { zh: '个人', en: 'officer' },
  bureau: { zh: '单位', en: 'bureau' },
};

export const STATUS_LABELS: Record<string, LocalizedText> = {
  issued: { zh: '已出具', en: 'issued' },
  acknowledged: { zh: '已确认', en: 'acknowledged' },
  disputed: { zh: '有异议', en: 'disputed' },
  superseded: { zh: '已更正', en: 'superseded' },
};

/** A label in the language, or the raw value when it has none. */
export const label = (labels: Record<string, LocalizedText>, value: string, lang: Lang): string =>
  labels[value]?.[lang] ?? value;
