/**
 * The newsroom publishes in Arabic first and English second. Everything that
 * writes or reads localized content takes its locale list from here.
 */
export const DEFAULT_LOCALE = 'ar' as const;

export const NEWSROOM_LOCALES = [
  { code: 'ar', name: 'Arabic (ar)' },
  { code: 'en', name: 'English (en)' },
] as const;

export type NewsroomLocale = (typeof NEWSROOM_LOCALES)[number]['code'];

export const LOCALE_CODES: readonly NewsroomLocale[] = NEWSROOM_LOCALES.map((l) => l.code);

/** Text direction, for anything that renders content (admin fields, JSON-LD, frontends). */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return /^(ar|fa|he|ur|ps|ckb|yi)(-|$)/i.test(locale) ? 'rtl' : 'ltr';
}
