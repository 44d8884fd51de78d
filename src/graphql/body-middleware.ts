import type { Core } from '@strapi/strapi';
import { queryFragmentProblems } from './fragment-problems';
import { readGraphqlBody } from './request-body';

/**
 * Reads GraphQL request bodies for everyone (strapi::body skips the GraphQL endpoint),
 * under the same size limit as REST (REQUEST_BODY_LIMIT, a 413 beyond it), so the
 * response cache can key queries by their body and documents the GraphQL plugin would
 * crash on are refused first (src/domain/graphql/fragment-problems.ts). The plugin's
 * own body parser finds the body read and leaves the consumed stream alone. A POST the
 * cache's fast path already read (src/graphql/request-body.ts) is not read again.
 */
// bodyLimit: REQUEST_BODY_LIMIT, parsed once in config/middlewares.ts.
const graphqlBody: Core.MiddlewareFactory<{ bodyLimit: string }> = ({ bodyLimit }, { strapi }) => {
  const graphqlPath = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  const refuse = (ctx: Parameters<Core.MiddlewareHandler>[0], status: number, messages: string[]) => {
    ctx.status = status;
    ctx.body = { errors: messages.map((message) => ({ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'GRAPHQL_VALIDATION_FAILED' } })) };
  };

  return async (ctx, next) => {
    if (ctx.path !== graphqlPath) return next();
    if (ctx.method === 'POST' && ctx.is('application/json')) {
      try {
        ctx.request.body = (await readGraphqlBody(ctx.req, bodyLimit)).parsed;
      } catch (error) {
        const status = (error as { status?: number }).status === 413 ? 413 : 400;
        return refuse(ctx, status, [
          status === 413 ? `Request body too large: the limit is ${bodyLimit} (REQUEST_BODY_LIMIT).` : 'Request body is not valid JSON.',
        ]);
      }
    }
    const body = ctx.request.body as { query?: unknown } | undefined;
    const problems = queryFragmentProblems(ctx.method === 'GET' ? ctx.query.query : body?.query);
    if (problems.length > 0) return refuse(ctx, 400, problems);
    return next();
  };
};

export default graphqlBody;
