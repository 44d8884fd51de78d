import { factories } from '@strapi/strapi';

const populated = { middlewares: ['api::article.default-populate'] };

export default factories.createCoreRouter('api::article.article', {
  config: { find: populated, findOne: populated },
});
