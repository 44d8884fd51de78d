/**
 * Sitemaps for search engines: an index, the article sitemaps it lists, and the
 * Google News sitemap. Each lists articles, so each needs find on articles: the
 * public has it, and so does a read-only API token.
 */
const asFind = { auth: { scope: ['api::article.article.find'] } };

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/sitemaps/index.xml', handler: 'api::sitemap.sitemap.index', config: { ...asFind, description: 'Sitemap index' } },
    {
      method: 'GET',
      path: '/sitemaps/articles/:page.xml',
      handler: 'api::sitemap.sitemap.articles',
      config: { ...asFind, description: 'One page of article URLs with their language versions' },
    },
    { method: 'GET', path: '/sitemaps/news.xml', handler: 'api::sitemap.sitemap.news', config: { ...asFind, description: 'Google News sitemap' } },
  ],
};
