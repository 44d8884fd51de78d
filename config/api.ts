import type { Core } from '@strapi/strapi';
import { settings } from '../src/settings';

export default (): Core.Config.Api => ({
  rest: {
    defaultLimit: settings().api.defaultLimit,
    // Caps `pagination[pageSize]`/`limit` so one request cannot ask for the whole archive.
    maxLimit: settings().api.maxLimit,
    withCount: true,
    // Unknown query parameters are a 400 naming the parameter, not silently ignored: a typo
    // (`?filter[...]`, `?pagination[pagesize]`) must not quietly return the unfiltered archive.
    strictParams: true,
  },
});
