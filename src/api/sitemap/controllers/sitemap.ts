import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { etagOf } from '../../../cache/key';
import { SITEMAP_CONTENT_TYPE } from '../../../sitemaps/render';

/** GET /api/sitemaps/...: the sitemap service does the work (src/sitemaps/). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::sitemap.sitemap');
  const send = (ctx: Context, xml: string) => {
    ctx.body = xml;
    ctx.type = SITEMAP_CONTENT_TYPE;
  };
  return {
    async index(ctx: Context) {
      send(ctx, await service().index(ctx.origin));
    },
    async articles(ctx: Context) {
      send(ctx, await service().articles(String(ctx.params.page), ctx.origin));
    },
    async news(ctx: Context) {
      send(ctx, await service().news(ctx.origin, new Date()));
      // The answer changes with the clock as well as with the data, and nothing evicts on a
      // clock: kept out of the response cache (src/cache/middleware.ts), revalidated by ETag.
      ctx.state.noResponseCache = true;
      ctx.set('Cache-Control', 'public, max-age=0, must-revalidate');
      ctx.set('ETag', etagOf(String(ctx.body)));
      if (ctx.fresh) ctx.status = 304;
    },
  };
};
