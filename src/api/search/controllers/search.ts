import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** GET /api/search: validates the query string, then hands over to the search service. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const service = strapi.service('api::search.search');
    const params = service.parse(ctx.query);
    const { hits, pagination } = await service.search(params, { strategy: ctx.state.auth?.strategy?.name });
    ctx.body = { data: hits, meta: { pagination, query: { q: params.q, terms: params.terms } } };
  },
});
