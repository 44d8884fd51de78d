import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { settings } from '../../../settings';
import type { ArticleDoc, Translation } from '../../../domain/formats/article-view';
import { articleJsonLd } from '../../../domain/formats/jsonld';
import { formatLinks, linkSettings } from '../../../domain/formats/links';
import { articleNinjs } from '../../../domain/formats/ninjs';
import { ARTICLE_DEFAULT_POPULATE } from '../middlewares/default-populate';
import { draftReadAllowed, DRAFTS_NEED_TOKEN_MESSAGE } from '../../../access/draft-access';
import { docTag, tagCurrentResponse } from '../../../cache/tags';
import { findOrBuildArticleView } from '../../../article-views/read-model';
import { articleListFromViews, canonicalCoreList, type CoreQueryPipeline } from '../../../article-views/list-from-views';

const FORMAT_PARAMS = new Set(['locale', 'status']);

/**
 * The core controller, plus the article in two more shapes (JSON-LD and ninjs).
 * Both read through the Document Service, so locale, status and the draft rule are
 * exactly those of GET /api/articles/:documentId.
 */
export default factories.createCoreController('api::article.article', ({ strapi }: { strapi: Core.Strapi }) => {
  async function load(ctx: Context) {
    const unknown = Object.keys(ctx.query).filter((key) => !FORMAT_PARAMS.has(key));
    if (unknown.length > 0) throw new errors.ValidationError(`unknown parameter(s): ${unknown.join(', ')}; only locale and status are accepted`);
    const status = ctx.query.status ?? 'published';
    if (status !== 'published' && status !== 'draft') throw new errors.ValidationError('status must be published or draft');
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : defaultLocale;
    const { documentId } = ctx.params as { documentId: string };

    const documents = strapi.documents('api::article.article');
    const article = (await documents.findOne({
      documentId,
      locale,
      status,
      populate: structuredClone(ARTICLE_DEFAULT_POPULATE),
    } as never)) as unknown as ArticleDoc | null;
    if (!article) throw new errors.NotFoundError(`No ${status} article ${documentId} in locale ${locale}`);

    const others: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    const translations: Translation[] = [];
    for (const { code } of others) {
      if (code === locale) continue;
      const other = (await documents.findOne({ documentId, locale: code, status, fields: ['slug'] } as never)) as { slug?: string } | null;
      if (other?.slug) translations.push({ locale: code, documentId, slug: other.slug });
    }
    const links = formatLinks(linkSettings(strapi.config.get<string>('server.url') || ctx.origin, settings().preview));
    return { article, translations, links, defaultLocale };
  }

  return {
    /** GET /api/articles: with the default populate, the page's stored views (byte for byte the core answer); otherwise core. */
    async find(this: CoreQueryPipeline, ctx: Context) {
      const body = await articleListFromViews(strapi, ctx, this);
      if (body === null) return canonicalCoreList(await super.find(ctx), ctx.query.populate);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = body;
    },

    /**
     * GET /api/articles/slug/:slug: the same JSON as GET /api/articles/:documentId with
     * the default populate, read from the article read model in one indexed query.
     */
    async bySlug(ctx: Context) {
      const unknown = Object.keys(ctx.query).filter((key) => !FORMAT_PARAMS.has(key));
      if (unknown.length > 0) throw new errors.ValidationError(`unknown parameter(s): ${unknown.join(', ')}; only locale and status are accepted`);
      const status = ctx.query.status ?? 'published';
      if (status !== 'published' && status !== 'draft') throw new errors.ValidationError('status must be published or draft');
      if (!draftReadAllowed({ status, strategy: ctx.state.auth?.strategy?.name })) throw new errors.PolicyError(DRAFTS_NEED_TOKEN_MESSAGE);
      const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const { slug } = ctx.params as { slug: string };
      const view = await findOrBuildArticleView(strapi, slug, locale, status === 'published');
      // The answer depends on the article and everything inside it. Not on other articles: a slug
      // is unique per locale, so another article can only take it after this one gave it up (a
      // write to this one, which evicts). Missing articles are 404s, which are never cached.
      if (view) tagCurrentResponse(ctx.state as { cacheTags?: Set<string> }, [view.documentId, ...view.dependencies].map(docTag));
      if (!view) throw new errors.NotFoundError(`No ${status} article with slug "${slug}" in locale ${locale}`);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = `{"data":${view.body},"meta":{}}`;
    },

    async jsonld(ctx: Context) {
      const { article, translations, links, defaultLocale } = await load(ctx);
      ctx.body = articleJsonLd(article, { links, defaultLocale, translations });
      // After the body: Koa sets application/json whenever an object body is assigned.
      ctx.type = 'application/ld+json; charset=utf-8';
    },

    async ninjs(ctx: Context) {
      const { article, links } = await load(ctx);
      ctx.body = articleNinjs(article, { links });
    },
  };
});
