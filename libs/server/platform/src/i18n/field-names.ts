import type { LocalizedText } from './lang';

/** How a field is called in an error message, per language; unknown fields keep their API name. */
const FIELD_NAMES: Record<string, LocalizedText> = {
  name: { zh: '名称', en: 'name' },
  parentId: { zh: '上级单位', en: 'parent unit' },
  badgeNo: { zh: '警号', en: 'badge number' },
  unitId: { zh: '单位', en: 'unit' },
  mobile: { zh: '手机号码', en: 'mobile number' },
  status: { zh: '状态', en: 'status' },
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  role: { zh: '角色', en: 'role' },
  officerId: { zh: '警员', en: 'officer' },
  disabled: { zh: '停用', en: 'disabled' },
  sort: { zh: '排序', en: 'sort' },
  range: { zh: '分页范围', en: 'range' },
  filter: { zh: '筛选条件', en: 'filter' },
};

/** Feature libraries add the names of their own fields (call at module load). */
export function registerFieldNames(names: Record<string, LocalizedText>): void {
  Object.assign(FIELD_NAMES, names);
}

export function fieldName(field: string): LocalizedText {
  return FIELD_NAMES[field] ?? { zh: field, en: field };
}
