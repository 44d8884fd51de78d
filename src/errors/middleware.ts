import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { errorKind } from './error-kind';
import { describeInternalError, INTERNAL_ERROR_MESSAGE, internalErrorLogLine, publicInternalError } from './masking';

/**
 * Turns the errors that are not bugs into answers a client can act on:
 * - a body parser's 4xx (a body over REQUEST_BODY_LIMIT, malformed JSON) keeps its status;
 * - the database away is a 503 with Retry-After (it comes back by itself: the pool reconnects);
 * - a query the database refused because of the request's own parameters is a 400. This is
 *   the last net: src/validation/ refuses bad parameters before any query runs, so every hit
 *   here is a gap in the validator, logged at error level with the request.
 * Strapi's own errors pass through to strapi::errors. Anything else is a bug: a 500 with an
 * error id, the id, message and stack in the log (src/errors/masking.ts).
 */
// bodyLimit: REQUEST_BODY_LIMIT, parsed once in config/middlewares.ts.
const expectedErrors: Core.MiddlewareFactory<{ bodyLimit: string; exposeDetails: boolean }> = ({ bodyLimit, exposeDetails }, { strapi }) => {
  const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`;
  const graphqlPath = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  // Where an anonymous request is never a 401 by design (the admin's are, without a session).
  const isPublicApi = (path: string) => path.startsWith(prefix) || path === graphqlPath;
  const databaseAnswers = () =>
    Promise.race([
      strapi.db.connection.raw('select 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
  const unavailable = (ctx: Parameters<Core.MiddlewareHandler>[0]) => {
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; retry in a few seconds.', details: {} },
    };
  };

  return async (ctx, next) => {
    try {
      await next();
      // Strapi answers a request whose authentication could not be checked (the public role's
      // permissions are in the database) with a 401. Without credentials a 401 has no other cause.
      if (ctx.status === 401 && !ctx.get('authorization') && isPublicApi(ctx.path) && !(await databaseAnswers())) unavailable(ctx);
    } catch (error) {
      if (error instanceof errors.ApplicationError || error instanceof errors.HttpError) throw error;
      const { status, expose, name, message } = error as { status?: unknown; expose?: unknown; name?: string; message?: string };
      if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
        // A client error from a body parser (another copy of http-errors, so strapi::errors would log it as
        // an internal error with its stack). The client gets the same answer, the log one line.
        strapi.log.warn(`[api] ${ctx.method} ${ctx.path}: ${status} ${message}`);
        ctx.status = status;
        const text = status === 413 ? `Request body too large: the limit is ${bodyLimit} (REQUEST_BODY_LIMIT).` : message;
        ctx.body = { data: null, error: { status, name: name ?? 'BadRequestError', message: text, details: {} } };
        return;
      }
      if (typeof status === 'number') throw error;
      const kind = errorKind(error);
      if (kind === 'database-unavailable') {
        strapi.log.warn(`[db] ${ctx.method} ${ctx.path}: database unavailable (${(error as Error).message})`);
        unavailable(ctx);
        return;
      }
      if (kind === 'database-rejected-query' && ctx.method === 'GET' && ctx.path.startsWith(prefix) && ctx.querystring !== '') {
        strapi.log.error(`[validation gap] ${ctx.method} ${ctx.url}: the database refused a query src/validation/ let through (${(error as Error).message})`);
        ctx.status = 400;
        ctx.body = {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'The query parameters cannot be applied (a filter, sort or populate does not fit the fields it names).',
            details: {},
          },
        };
        return;
      }
      const report = describeInternalError(error);
      strapi.log.error(internalErrorLogLine(report, `${ctx.method} ${ctx.url}`));
      ctx.status = 500;
      ctx.body = {
        data: null,
        error: { status: 500, name: 'InternalServerError', message: INTERNAL_ERROR_MESSAGE, details: publicInternalError(report, exposeDetails) },
      };
    }
  };
};

export default expectedErrors;
