import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Api => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    // Caps `pagination[pageSize]`/`limit` so one request cannot ask for the whole archive.
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
    // Unknown query parameters are a 400 naming the parameter, not silently ignored: a typo
    // (`?filter[...]`, `?pagination[pagesize]`) must not quietly return the unfiltered archive.
    strictParams: true,
  },
});
