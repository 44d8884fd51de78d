import { Readable } from 'stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { Alternate } from './alternates';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

export interface ArticleUrl {
  url: string;
  /** W3C datetime: when the published version last changed. */
  lastmod: string;
  alternates: Alternate[];
}

export interface NewsUrl {
  url: string;
  publicationName: string;
  /** ISO 639 code of the article's language. */
  language: string;
  /** W3C datetime or date. */
  publicationDate: string;
  title: string;
}

/**
 * The protocol has no empty sitemap (a urlset needs one url, an index one sitemap) and
 * the library refuses to write one; callers answer 404 instead of asking for it.
 */
async function write(stream: SitemapStream | SitemapIndexStream, items: readonly object[]): Promise<string> {
  if (items.length === 0) throw new Error('a sitemap needs at least one URL');
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/** A sitemap index: the absolute URLs of the sitemaps. */
export function renderSitemapIndex(urls: readonly string[]): Promise<string> {
  return write(
    new SitemapIndexStream(),
    urls.map((url) => ({ url })),
  );
}

/** An article sitemap: each page with its language versions. */
export function renderArticleSitemap(entries: readonly ArticleUrl[]): Promise<string> {
  const items: SitemapItemLoose[] = entries.map((e) => ({ url: e.url, lastmod: e.lastmod, links: e.alternates.map((a) => ({ lang: a.lang, url: a.url })) }));
  return write(new SitemapStream({ xmlns: { news: false, xhtml: true, image: false, video: false } }), items);
}

/** A Google News sitemap. */
export function renderNewsSitemap(entries: readonly NewsUrl[]): Promise<string> {
  const items: SitemapItemLoose[] = entries.map((e) => ({
    url: e.url,
    news: { publication: { name: e.publicationName, language: e.language }, publication_date: e.publicationDate, title: e.title },
  }));
  return write(new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } }), items);
}
