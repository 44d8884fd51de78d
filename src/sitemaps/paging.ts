/** The sitemaps protocol's limit of URLs per sitemap. */
export const MAX_SITEMAP_URLS = 50_000;

/** One locale's part of a page: rows offset..offset+limit of that locale's list. */
export interface PageSlice {
  locale: string;
  offset: number;
  limit: number;
}

/** How many article sitemaps there are: none without articles (the protocol has no empty sitemap). */
export function pageCount(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

/**
 * The article sitemaps list every published localization, the locales one after the
 * other (in `counts` order). Page `page` (from 1) is positions (page-1)*size up to
 * page*size of that concatenation, cut into per-locale slices; empty when out of range.
 */
export function pageSlices(counts: ReadonlyArray<{ locale: string; count: number }>, page: number, pageSize: number): PageSlice[] {
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const slices: PageSlice[] = [];
  let before = 0;
  for (const { locale, count } of counts) {
    const from = Math.max(start, before);
    const to = Math.min(end, before + count);
    if (from < to) slices.push({ locale, offset: from - before, limit: to - from });
    before += count;
  }
  return slices;
}

/** A page number from the path: a whole number from 1, written plainly; null otherwise. */
export function parsePage(raw: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}
