import type { ListedArticle } from '../feeds/feed-items';

/** Google News lists articles of the last two days only, and at most this many. */
export const NEWS_MAX_URLS = 1000;
export const NEWS_WINDOW_DAYS = 2;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The publishedDate values (calendar dates) the news sitemap takes at `now`: every
 * date whose day overlaps the last two days, counted in UTC, from the day of
 * now − 48 h. Up to tomorrow, because a date is the newsroom's local day, and east
 * of UTC (Arabic desks are at UTC+2 to +4) it is already tomorrow for hours.
 * An old publishedDate (an imported or re-published article) falls outside, whenever
 * the row itself was written.
 */
export function newsWindow(now: Date): { from: string; to: string } {
  const ms = now.getTime();
  return { from: isoDay(ms - NEWS_WINDOW_DAYS * DAY_MS), to: isoDay(ms + DAY_MS) };
}

export function inNewsWindow(publishedDate: string | null | undefined, now: Date): boolean {
  if (!publishedDate) return false;
  const day = publishedDate.slice(0, 10);
  const { from, to } = newsWindow(now);
  return day >= from && day <= to;
}

/**
 * news:publication_date, a W3C datetime: the moment the row went public when that was
 * on the article's own date, else the date alone (an invented midnight would be wrong).
 */
export function newsPublicationDate(article: Pick<ListedArticle, 'publishedDate' | 'publishedAt'>): string {
  const moment = new Date(article.publishedAt).toISOString();
  const day = article.publishedDate?.slice(0, 10);
  return !day || moment.slice(0, 10) === day ? moment : day;
}
