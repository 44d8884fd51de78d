import { LOCALE_CODES, type NewsroomLocale } from '../domain/locales';

/** The schema's limit on an article's section (src/api/article/content-types/article/schema.json). */
export const MAX_SECTION_LENGTH = 120;

export interface FeedParams {
  locale: NewsroomLocale;
  /** Only articles of this section; null for all. */
  section: string | null;
}

export type ParsedFeedParams = { ok: true; params: FeedParams } | { ok: false; problems: string[] };

const isLocale = (value: string): value is NewsroomLocale => (LOCALE_CODES as readonly string[]).includes(value);

/** Validates a feed request: the locale in its path and its query string; every problem is named. */
export function parseFeedParams(locale: string, query: Record<string, unknown>): ParsedFeedParams {
  const problems: string[] = [];
  if (!isLocale(locale)) problems.push(`locale must be one of ${LOCALE_CODES.join(', ')}; got "${locale}"`);
  const unknown = Object.keys(query).filter((key) => key !== 'section');
  if (unknown.length > 0) problems.push(`unknown parameter(s): ${unknown.join(', ')}; only section is accepted`);
  let section: string | null = null;
  const raw = query.section;
  if (raw !== undefined) {
    if (typeof raw !== 'string') problems.push('section must be given once, as text');
    else if (raw.trim() === '') problems.push('section must not be empty');
    else if (raw.length > MAX_SECTION_LENGTH) problems.push(`section must be at most ${MAX_SECTION_LENGTH} characters`);
    else section = raw;
  }
  if (problems.length > 0 || !isLocale(locale)) return { ok: false, problems };
  return { ok: true, params: { locale, section } };
}
