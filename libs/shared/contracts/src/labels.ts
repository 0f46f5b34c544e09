/**
 * The words a person reads for the API's codes, in both languages, used by the console (its i18n
 * messages) and by the server (exports), so a status reads the same on the screen and in a spreadsheet.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export type LabelMap<K extends string | number = string> = Record<K, Bilingual>;

/** One language of a label map, as the console's i18n messages hold it. */
export function labelsIn<K extends string | number>(
  labels: LabelMap<K>,
  language: 'zh' | 'en',
): Record<K, string> {
  return Object.fromEntries(
    (Object.keys(labels) as K[]).map((key) => [key, labels[key][language]]),
  ) as Record<K, string>;
}

export const OFFICER_STATUS_LABELS: LabelMap = {
  active: { zh: '在职', en: 'Active' },
  transferred: { zh: '已调离', en: 'Transferred' },
  retired: { zh: '已退休', en: 'Retired' },
};

export const ROLE_LABELS: LabelMap = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditadmin: { zh: '审计管理员', en: 'Audit administrator' },
  repair_intake: { zh: '维修受理员', en: 'Repair intake' },
  officer: { zh: '民警', en: 'Officer' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export const AUDIT_ACTION_LABELS: LabelMap = {
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  login: { zh: '登录', en: 'Login' },
  login_failed: { zh: '登录失败', en: 'Failed login' },
  logout: { zh: '退出登录', en: 'Logout' },
  password_change: { zh: '修改密码', en: 'Password change' },
  sessions_revoked: { zh: '结束会话', en: 'Sessions ended' },
  access_denied: { zh: '拒绝访问', en: 'Access denied' },
  export: { zh: '导出', en: 'Export' },
};

export const DEVICE_STATUS_LABELS: LabelMap = {
  in_stock: { zh: '在库', en: 'In stock' },
  assigned: { zh: '已配发', en: 'Assigned' },
  in_repair: { zh: '维修中', en: 'In repair' },
  lost: { zh: '已遗失', en: 'Lost' },
  retired: { zh: '已报废', en: 'Retired' },
};

export const OWNERSHIP_LABELS: LabelMap = {
  leased: { zh: '租赁', en: 'Leased' },
  bureau: { zh: '局属资产', en: 'Bureau asset' },
};

export const SIM_STATUS_LABELS: LabelMap = {
  inactive: { zh: '未激活', en: 'Inactive' },
  active: { zh: '正常', en: 'Active' },
  suspended: { zh: '已停机', en: 'Suspended' },
  terminated: { zh: '已销户', en: 'Terminated' },
};

export const LOST_KIND_LABELS: LabelMap = {
  lost: { zh: '遗失', en: 'Lost' },
  stolen: { zh: '被盗', en: 'Stolen' },
};

export const IMPORT_KIND_LABELS: LabelMap = {
  devices: { zh: '终端', en: 'Devices' },
  sim_cards: { zh: 'SIM 卡', en: 'SIM cards' },
  officers: { zh: '民警', en: 'Officers' },
  units: { zh: '单位', en: 'Units' },
};

export const IMPORT_STATUS_LABELS: LabelMap = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '导入中', en: 'Running' },
  succeeded: { zh: '已完成', en: 'Finished' },
  failed: { zh: '失败', en: 'Failed' },
};

export const STOCKTAKE_STATUS_LABELS: LabelMap = {
  open: { zh: '盘点中', en: 'Counting' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const SIM_SLOT_LABELS: LabelMap<1 | 2> = {
  1: { zh: '卡槽 1', en: 'Slot 1' },
  2: { zh: '卡槽 2', en: 'Slot 2' },
};

export const USAGE_KIND_LABELS: LabelMap = {
  auto: { zh: '自动识别', en: 'Detect' },
  summary: { zh: '月汇总', en: 'Monthly summary' },
  detail: { zh: '详单', en: 'Detail records' },
};

export const PERIOD_STATUS_LABELS: LabelMap = {
  open: { zh: '未结账', en: 'Open' },
  closed: { zh: '已结账', en: 'Closed' },
};

export const STATEMENT_STATUS_LABELS: LabelMap = {
  issued: { zh: '待确认', en: 'Awaiting answer' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  disputed: { zh: '有异议', en: 'Disputed' },
  superseded: { zh: '已被更正', en: 'Superseded' },
};

export const CATEGORY_LABELS: LabelMap = {
  voice: { zh: '语音', en: 'Voice' },
  sms: { zh: '短信', en: 'SMS' },
  national: { zh: '国内流量', en: 'National data' },
  apn: { zh: '专网流量', en: 'APN data' },
  repair: { zh: '维修', en: 'Repair' },
};

export const PAYER_LABELS: LabelMap = {
  officer: { zh: '个人', en: 'Officer' },
  bureau: { zh: '局里', en: 'Bureau' },
};

export const INSTALLMENT_STATUS_LABELS: LabelMap = {
  upcoming: { zh: '未到期', en: 'Upcoming' },
  due: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  partly_paid: { zh: '部分已付', en: 'Partly paid' },
  paid: { zh: '已付清', en: 'Paid' },
};

export const OUTAGE_CAUSE_LABELS: LabelMap = {
  carrier: { zh: '运营商原因', en: 'Carrier' },
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
  bureau: { zh: '甲方原因', en: 'Bureau' },
};

export const OUTAGE_SCOPE_LABELS: LabelMap = {
  all: { zh: '全部号卡', en: 'All SIMs' },
  sims: { zh: '指定号卡', en: 'Listed SIMs' },
};

export const CREDIT_REASON_LABELS: LabelMap = {
  over_3h: { zh: '单次中断满 3 小时', en: 'One outage of 3 h or more' },
  over_72h: { zh: '当月累计满 72 小时', en: '72 h or more in the month' },
};

export const YES_NO_LABELS: LabelMap<'true' | 'false'> = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
};
