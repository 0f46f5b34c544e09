/** The console's two languages; Chinese is the default. */
export type Lang = 'zh' | 'en';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** Picks the caller's language from an Accept-Language header: English only when asked for first. */
export function langFromHeader(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
