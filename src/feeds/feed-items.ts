import type { FormatLinks } from '../domain/formats/article-view';

/** How many articles a feed carries. */
export const FEED_SIZE = 50;

/** The fields of a published article a feed (and a sitemap) needs. */
export interface ListedArticle {
  documentId: string;
  slug: string;
  headline: string;
  summary?: string | null;
  section?: string | null;
  /** The date the article shows (a calendar date, YYYY-MM-DD); null when the desk left it empty. */
  publishedDate?: string | null;
  /** When this version became public (a Date or an ISO string, depending on the database driver). */
  publishedAt: string | Date;
  updatedAt?: string | Date;
}

export interface FeedItem {
  title: string;
  /** The article page, as the formats and preview link it. */
  link: string;
  /** Stable across slug changes: the article's API URI. */
  id: string;
  date: Date;
  summary: string | null;
  section: string | null;
}

/**
 * The article's publication moment. publishedDate is the date readers see but has no
 * time; when the row became public on that same day, that instant is the better
 * answer (items of one day keep their order). Otherwise (imported, re-published or
 * back-dated) the date itself, at midnight UTC.
 */
export function publicationDate(article: Pick<ListedArticle, 'publishedDate' | 'publishedAt'>): Date {
  const publishedAt = new Date(article.publishedAt);
  const day = article.publishedDate?.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return publishedAt;
  if (!Number.isNaN(publishedAt.getTime()) && publishedAt.toISOString().slice(0, 10) === day) return publishedAt;
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * The newest `limit` of several lists, by publication date then by when they became
 * public. The service reads articles with and without a publishedDate separately
 * (the databases order NULLs differently), so the merge happens here.
 */
export function newestFirst<T extends Pick<ListedArticle, 'publishedDate' | 'publishedAt' | 'documentId'>>(lists: T[][], limit: number): T[] {
  const key = (a: T) => publicationDate(a).getTime();
  return lists
    .flat()
    .sort((a, b) => key(b) - key(a) || new Date(b.publishedAt).getTime() - new Date(a.publishedAt).getTime() || a.documentId.localeCompare(b.documentId))
    .slice(0, limit);
}

export function feedItem(article: ListedArticle, locale: string, links: FormatLinks): FeedItem {
  return {
    title: article.headline,
    link: links.articleUrl(article.documentId, article.slug, locale),
    id: links.documentUri('articles', article.documentId, locale),
    date: publicationDate(article),
    summary: article.summary?.trim() || null,
    section: article.section?.trim() || null,
  };
}
