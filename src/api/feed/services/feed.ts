import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLinks, linkSettings } from '../../../domain/formats/links';
import { FEED_SIZE, feedItem, newestFirst, type ListedArticle } from '../../../feeds/feed-items';
import { parseFeedParams } from '../../../feeds/params';
import { renderFeed, type FeedFormat } from '../../../feeds/render-feed';
import { settings } from '../../../settings';

const FIELDS = ['slug', 'headline', 'summary', 'section', 'publishedDate', 'publishedAt'];

/**
 * The newest published articles of a locale as a feed. Read through the Document
 * Service, so the response is tagged with the article type and any article write
 * evicts the cached feed (src/cache/read-tags.ts); `status: 'published'` keeps
 * drafts and not-yet-published scheduled articles out.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async feed(format: FeedFormat, localeParam: string, query: Record<string, unknown>, origin: string): Promise<string> {
    const parsed = parseFeedParams(localeParam, query);
    if (!parsed.ok) throw new errors.ValidationError(parsed.problems.join('; '), { errors: parsed.problems.map((message) => ({ message })) });
    const { locale, section } = parsed.params;
    const apiBase = settings().server.publicUrl || origin;
    const links = formatLinks(linkSettings(apiBase, settings().preview));

    const documents = strapi.documents('api::article.article');
    const bySection = section ? { section: { $eq: section } } : {};
    const read = (filters: Record<string, unknown>, sort: Array<Record<string, 'desc'>>) =>
      documents.findMany({
        locale,
        status: 'published',
        fields: FIELDS,
        filters: { ...bySection, ...filters },
        sort,
        limit: FEED_SIZE,
      } as never) as unknown as Promise<ListedArticle[]>;
    // Two reads: PostgreSQL and SQLite put NULL publishedDates at opposite ends of a descending sort.
    const [dated, undated] = await Promise.all([
      read({ publishedDate: { $notNull: true } }, [{ publishedDate: 'desc' }, { publishedAt: 'desc' }]),
      read({ publishedDate: { $null: true } }, [{ publishedAt: 'desc' }]),
    ]);
    const items = newestFirst([dated, undated], FEED_SIZE).map((article) => feedItem(article, locale, links));

    const self = `${apiBase.replace(/\/+$/, '')}/api/feeds/${locale}`;
    const suffix = section ? `?section=${encodeURIComponent(section)}` : '';
    return renderFeed(
      format,
      {
        publicationName: settings().publication.name,
        locale,
        section,
        siteUrl: settings().preview?.frontendUrl ?? apiBase,
        urls: { rss: `${self}/rss${suffix}`, atom: `${self}/atom${suffix}` },
      },
      items,
    );
  },
});
