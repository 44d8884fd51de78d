import { directionOf } from '../../domain/locales';

/**
 * Which way a field in the admin panel should lay out its text. Strapi's admin has
 * no right-to-left support, so Arabic typed into its inputs runs left-to-right: the
 * cursor starts on the wrong side, punctuation lands at the wrong end, and long
 * headlines are cut at their beginning. The content's locale decides instead.
 */
export type Direction = 'rtl' | 'ltr' | 'auto';

/** The locale of the content being edited or listed, from a Content Manager URL. */
export function contentLocaleOf(href: string): string | null {
  const url = new URL(href, 'http://admin.invalid');
  if (!url.pathname.includes('/content-manager/')) return null;
  return url.searchParams.get('plugins[i18n][locale]') ?? url.searchParams.get('locale');
}

/** What the applier needs to know about a form control. */
export interface FieldDescription {
  tag: string;
  type?: string | null;
  name?: string | null;
  inputMode?: string | null;
}

/** Inputs whose values are Latin whatever the locale: identifiers, addresses, numbers, dates. */
const ALWAYS_LTR_TYPES = new Set(['email', 'url', 'number', 'password', 'date', 'time', 'datetime-local', 'tel', 'search']);
const ALWAYS_LTR_NAMES = /(^|\.)(slug|url|country|email)$/i;

/** The direction for a text field, or null for controls this must leave alone. */
export function fieldDirection(field: FieldDescription, locale: string | null): Direction | null {
  const tag = field.tag.toLowerCase();
  const type = (field.type ?? 'text').toLowerCase();
  if (tag === 'input' && !['text', 'relation'].includes(type) && !ALWAYS_LTR_TYPES.has(type)) return null;
  if (ALWAYS_LTR_TYPES.has(type) || field.inputMode === 'numeric' || (field.name && ALWAYS_LTR_NAMES.test(field.name))) return 'ltr';
  // Searching relations: the editor may type a name in either script.
  if (type === 'relation') return 'auto';
  if (!locale) return 'auto';
  return directionOf(locale);
}
