/**
 * The story in the formats search engines and news aggregators read. Each is a
 * findOne in another shape, so it needs exactly findOne's permission: the public
 * has it, and so does a read-only API token (which Strapi limits to find/findOne).
 */
const asFindOne = { auth: { scope: ['api::article.article.findOne'] } };

export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/articles/:documentId/jsonld',
      handler: 'api::article.article.jsonld',
      config: { ...asFindOne, description: 'schema.org NewsArticle (JSON-LD)' },
    },
    {
      method: 'GET',
      path: '/articles/:documentId/ninjs',
      handler: 'api::article.article.ninjs',
      config: { ...asFindOne, description: 'IPTC ninjs 2.2' },
    },
  ],
};
