/**
 * RSS and Atom feeds of the newest published articles. A feed is a find on articles
 * in another shape, so it needs exactly find's permission: the public has it, and so
 * does a read-only API token.
 */
const asFind = { auth: { scope: ['api::article.article.find'] } };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/feeds/:locale/rss', handler: 'api::feed.feed.rss', config: { ...asFind, description: 'RSS 2.0 feed of the newest articles' } },
    { method: 'GET', path: '/feeds/:locale/atom', handler: 'api::feed.feed.atom', config: { ...asFind, description: 'Atom 1.0 feed of the newest articles' } },
  ],
};
