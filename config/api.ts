import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Api => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    // Caps `pagination[pageSize]`/`limit` so one request cannot ask for the whole archive.
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
  },
});
