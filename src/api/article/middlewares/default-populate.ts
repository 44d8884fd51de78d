import type { Core } from '@strapi/strapi';
import type { DefaultPopulateState } from '../../../article-views/list-from-views';

/**
 * What a frontend needs to render an article in one request: its people (with
 * their affiliation), organizations, sources, quotes in reading order with who
 * said them and through whom, figures, public corrections, publisher and cover.
 */
export const ARTICLE_DEFAULT_POPULATE = {
  cover: true,
  figures: true,
  corrections: true,
  publisher: true,
  people: { populate: { affiliation: true } },
  organizations: true,
  sources: true,
  quotes: {
    sort: ['position:asc'],
    populate: { speaker: true, speakerOrganization: true, source: true },
  },
} as const;

/** Applies the default populate unless the request asks for its own (an explicit `populate` wins). */
const defaultPopulate: Core.MiddlewareFactory = () => {
  return async (ctx, next) => {
    // Mutated in place: assigning ctx.query would re-serialize it through the query string.
    // Cloned per request: sanitizers may rewrite the populate object they are given.
    if (ctx.query.populate === undefined) {
      ctx.query.populate = structuredClone(ARTICLE_DEFAULT_POPULATE);
      // The read model answers only this shape; a populate the client sent, even an identical one, takes the core path.
      (ctx.state as DefaultPopulateState).articleDefaultPopulate = true;
    }
    await next();
  };
};

export default defaultPopulate;
