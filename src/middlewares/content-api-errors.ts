import type { Core } from '@strapi/strapi';
import { errorKind } from '../domain/http/error-kind';

/**
 * Turns the two kinds of unexpected error that are not bugs into answers a client can
 * act on: the database away is a 503 with Retry-After (it comes back by itself: the
 * pool reconnects), and a query the database refused because of the request's own
 * parameters is a 400. Strapi's own errors (which carry a status) pass through; any
 * other error stays a 500 for strapi::errors to log.
 */
const contentApiErrors: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (typeof (error as { status?: unknown }).status === 'number') throw error;
      const kind = errorKind(error);
      if (kind === 'database-unavailable') {
        strapi.log.warn(`[db] ${ctx.method} ${ctx.path}: database unavailable (${(error as Error).message})`);
        ctx.status = 503;
        ctx.set('Retry-After', '5');
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; retry in a few seconds.', details: {} } };
        return;
      }
      if (kind === 'database-rejected-query' && ctx.method === 'GET' && ctx.path.startsWith(prefix) && ctx.querystring !== '') {
        strapi.log.warn(`[api] ${ctx.method} ${ctx.url}: query refused by the database (${(error as Error).message})`);
        ctx.status = 400;
        ctx.body = {
          data: null,
          error: { status: 400, name: 'ValidationError', message: 'The query parameters cannot be applied (a filter, sort or populate does not fit the fields it names).', details: {} },
        };
        return;
      }
      throw error;
    }
  };
};

export default contentApiErrors;
