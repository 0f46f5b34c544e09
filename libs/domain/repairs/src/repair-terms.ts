/**
 * The words of a repair ticket (domain.md §3.2, contract clause 4.6): the damage causes found at
 * diagnosis, the parties that can be liable, and the ticket's statuses. The rules over them (liability,
 * the status flow) live next to this file.
 */

/** Damage causes recorded at diagnosis. `quality` is damage not caused by people (非人为损坏). */
export const REPAIR_CAUSES = [
  'quality',
  'drop',
  'screen',
  'water',
  'crush',
  'loss',
  'force_majeure',
  'unknown',
] as const;
export type RepairCause = (typeof REPAIR_CAUSES)[number];

/** Causes that are damage caused by people (人为损坏): the holder at the time pays (§3.2). */
export const PEOPLE_CAUSED: readonly RepairCause[] = ['drop', 'screen', 'water', 'crush', 'loss'];

export const LIABLE_PARTIES = ['carrier', 'bureau', 'officer'] as const;
export type LiableParty = (typeof LIABLE_PARTIES)[number];

/**
 * received: taken in (intake) · diagnosed: cause found, liability set · sent_out: with the maker or a
 * repair shop · returned: repaired and back · replaced: the maker gave a new phone · beyond_repair:
 * cannot be repaired · closed: final cost booked (charges go on the month's statements) · cancelled.
 */
export const REPAIR_STATUSES = [
  'received',
  'diagnosed',
  'sent_out',
  'returned',
  'replaced',
  'beyond_repair',
  'closed',
  'cancelled',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** Labels for receipts, reports and messages. */
export const REPAIR_CAUSE_LABELS: Record<RepairCause, { zh: string; en: string }> = {
  quality: { zh: '质量问题（非人为损坏）', en: 'Quality (not caused by people)' },
  drop: { zh: '摔落', en: 'Drop' },
  screen: { zh: '屏幕损坏', en: 'Screen damage' },
  water: { zh: '进水', en: 'Water damage' },
  crush: { zh: '挤压', en: 'Crushed' },
  loss: { zh: '丢失', en: 'Loss' },
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
  unknown: { zh: '原因不明', en: 'Unknown' },
};

export const LIABLE_PARTY_LABELS: Record<LiableParty, { zh: string; en: string }> = {
  carrier: { zh: '运营商（保修）', en: 'Carrier (warranty)' },
  bureau: { zh: '甲方（局）', en: 'Bureau' },
  officer: { zh: '使用人（警员）', en: 'Officer' },
};

export const REPAIR_STATUS_LABELS: Record<RepairStatus, { zh: string; en: string }> = {
  received: { zh: '已接收', en: 'Received' },
  diagnosed: { zh: '已诊断', en: 'Diagnosed' },
  sent_out: { zh: '已送修', en: 'Sent out' },
  returned: { zh: '已修复返还', en: 'Returned' },
  replaced: { zh: '已换机', en: 'Replaced' },
  beyond_repair: { zh: '无法修复', en: 'Beyond repair' },
  closed: { zh: '已结单', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
