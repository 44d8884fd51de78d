/** The article as GET /api/articles returns it (default populate), by slug, from the read model. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.bySlug',
      config: { auth: { scope: ['api::article.article.findOne'] }, description: 'One article by slug, everything populated' },
    },
  ],
};
