import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLinks, linkSettings } from '../../../domain/formats/links';
import { LOCALE_CODES } from '../../../domain/locales';
import { newestFirst, type ListedArticle } from '../../../feeds/feed-items';
import { alternates } from '../../../sitemaps/alternates';
import { inNewsWindow, NEWS_MAX_URLS, newsPublicationDate, newsWindow } from '../../../sitemaps/news-window';
import { pageCount, pageSlices, parsePage } from '../../../sitemaps/paging';
import { renderArticleSitemap, renderNewsSitemap, renderSitemapIndex, type ArticleUrl } from '../../../sitemaps/render';
import { settings } from '../../../settings';

const UID = 'api::article.article';
/** Keeps `$in` lists well under SQLite's limit of bound parameters. */
const IN_CHUNK = 500;

type Row = Pick<ListedArticle, 'documentId' | 'slug'> & Partial<ListedArticle>;

/**
 * Every read goes through the Document Service with `status: 'published'`: drafts and
 * scheduled articles never appear, and the responses are tagged with the article type,
 * so a write evicts the cached sitemaps (src/cache/read-tags.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID);
  const apiBaseOf = (origin: string) => (settings().server.publicUrl || origin).replace(/\/+$/, '');
  const linksFor = (origin: string) => formatLinks(linkSettings(apiBaseOf(origin), settings().preview));
  const counts = () =>
    Promise.all(LOCALE_CODES.map(async (locale) => ({ locale, count: Number(await documents().count({ locale, status: 'published' } as never)) })));
  const find = (params: Record<string, unknown>) => documents().findMany({ status: 'published', ...params } as never) as unknown as Promise<Row[]>;

  return {
    async index(origin: string): Promise<string> {
      const total = (await counts()).reduce((sum, c) => sum + c.count, 0);
      const base = `${apiBaseOf(origin)}/api/sitemaps`;
      const pages = Array.from({ length: pageCount(total, settings().sitemaps.pageSize) }, (_, i) => `${base}/articles/${i + 1}.xml`);
      return renderSitemapIndex([`${base}/news.xml`, ...pages]);
    },

    async articles(pageParam: string, origin: string): Promise<string> {
      const page = parsePage(pageParam);
      if (page === null) throw new errors.ValidationError(`page must be a whole number from 1; got "${pageParam}"`);
      const perLocale = await counts();
      const size = settings().sitemaps.pageSize;
      const pages = pageCount(
        perLocale.reduce((sum, c) => sum + c.count, 0),
        size,
      );
      if (page > pages) throw new errors.NotFoundError(`No article sitemap ${page}: there ${pages === 1 ? 'is 1' : `are ${pages}`}`);

      const rows: Array<{ locale: string; row: Row }> = [];
      for (const slice of pageSlices(perLocale, page, size)) {
        const found = await find({
          locale: slice.locale,
          fields: ['slug', 'updatedAt'],
          sort: [{ documentId: 'asc' }],
          start: slice.offset,
          limit: slice.limit,
        });
        rows.push(...found.map((row) => ({ locale: slice.locale, row })));
      }
      // Each article's published slug per locale, for its language versions.
      const slugs = new Map<string, Map<string, string>>();
      for (const { locale, row } of rows) slugs.set(`${locale}:${row.documentId}`, new Map([[locale, row.slug]]));
      const ids = [...new Set(rows.map((r) => r.row.documentId))];
      const published = new Map<string, Map<string, string>>();
      for (const locale of LOCALE_CODES) {
        for (let i = 0; i < ids.length; i += IN_CHUNK) {
          const chunk = ids.slice(i, i + IN_CHUNK);
          for (const row of await find({ locale, fields: ['slug'], filters: { documentId: { $in: chunk } }, limit: chunk.length })) {
            const byLocale = published.get(row.documentId) ?? new Map<string, string>();
            byLocale.set(locale, row.slug);
            published.set(row.documentId, byLocale);
          }
        }
      }

      const links = linksFor(origin);
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const entries: ArticleUrl[] = rows.map(({ locale, row }) => {
        const versions = new Map(
          [...(published.get(row.documentId) ?? new Map<string, string>())].map(([code, slug]) => [code, links.articleUrl(row.documentId, slug, code)]),
        );
        return {
          url: links.articleUrl(row.documentId, row.slug, locale),
          lastmod: new Date(row.updatedAt ?? Date.now()).toISOString(),
          alternates: alternates(versions, LOCALE_CODES, defaultLocale),
        };
      });
      return renderArticleSitemap(entries);
    },

    async news(origin: string, now: Date): Promise<string> {
      const { from, to } = newsWindow(now);
      const lists = await Promise.all(
        LOCALE_CODES.map(async (locale) =>
          (
            await find({
              locale,
              fields: ['slug', 'headline', 'publishedDate', 'publishedAt'],
              filters: { publishedDate: { $gte: from, $lte: to } },
              sort: [{ publishedDate: 'desc' }, { publishedAt: 'desc' }],
              limit: NEWS_MAX_URLS,
            })
          ).map((row) => ({ ...row, locale, publishedAt: row.publishedAt ?? new Date(0) })),
        ),
      );
      const articles = newestFirst(lists, NEWS_MAX_URLS).filter((a) => inNewsWindow(a.publishedDate, now));
      if (articles.length === 0) throw new errors.NotFoundError(`No published article has a publishedDate from ${from} to ${to} (the last two days)`);
      const links = linksFor(origin);
      const publicationName = settings().publication.name;
      return renderNewsSitemap(
        articles.map((a) => ({
          url: links.articleUrl(a.documentId, a.slug, a.locale),
          publicationName,
          language: a.locale,
          publicationDate: newsPublicationDate(a),
          title: a.headline ?? '',
        })),
      );
    },
  };
};
