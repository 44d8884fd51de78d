export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/search',
      handler: 'api::search.search.find',
      config: { description: 'Arabic-aware search over articles, quotes and people' },
    },
  ],
};
