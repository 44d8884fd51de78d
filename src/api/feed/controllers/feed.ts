import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { FEED_CONTENT_TYPES, type FeedFormat } from '../../../feeds/render-feed';

/** GET /api/feeds/:locale/rss and /atom: the feed service does the work (src/feeds/). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const answer = (format: FeedFormat) => async (ctx: Context) => {
    ctx.body = await strapi.service('api::feed.feed').feed(format, String(ctx.params.locale), ctx.query, ctx.origin);
    // After the body: Koa picks a type of its own when a string body is assigned.
    ctx.type = FEED_CONTENT_TYPES[format];
  };
  return { rss: answer('rss'), atom: answer('atom') };
};
