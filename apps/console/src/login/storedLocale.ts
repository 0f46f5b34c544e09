// The language the person chose last (kept by the console's i18nProvider under this key), read
// without loading react-admin.
export const LOCALE_STORAGE_KEY = 'fleet.console.locale';

export function storedLocale(): 'zh-CN' | 'en' {
  return localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}
