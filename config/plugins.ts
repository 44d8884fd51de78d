import type { Core } from '@strapi/strapi';
import { settings } from '../src/settings';
import { amountLimitRule } from '../src/graphql/amount-limit';
import { cacheTagsPlugin } from '../src/cache/graphql-tags';
import { createGraphqlErrorFormatter } from '../src/graphql/format-error';
import { argumentValidationPlugin } from '../src/validation/strapi/graphql';
import { persistedQueryOptions } from '../src/graphql/persisted-queries';

export default (): Core.Config.Plugin => {
  const { graphql, http, secrets, production, cache } = settings();
  return {
    'users-permissions': {
      config: {
        jwtSecret: secrets.jwtSecret,
        jwt: { expiresIn: secrets.jwtExpiresIn },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The plugin's defaults are unbounded (maxLimit -1, no depth limit); a public endpoint needs all three.
        // Deep enough for article -> quotes -> speaker -> affiliation with pagination wrappers.
        depthLimit: graphql.depthLimit,
        // Strapi 5's plugin documents but no longer enforces amountLimit; amountLimitRule does, below.
        amountLimit: graphql.amountLimit,
        defaultLimit: graphql.defaultLimit,
        maxLimit: graphql.maxLimit,
        landingPage: graphql.landingPage,
        apolloServer: {
          introspection: graphql.introspection,
          // Apollo adds stack traces outside production; a public API shows none, in any environment.
          includeStacktraceInErrorResponses: false,
          // The plugin concatenates these arrays onto its own depth-limit rule and plugins.
          validationRules: [amountLimitRule(graphql.amountLimit)],
          // Arguments are checked before an operation runs (src/validation/strapi/graphql.ts).
          plugins: [argumentValidationPlugin(), cacheTagsPlugin],
          // Strapi's errors mapped to codes as the plugin does; anything unexpected masked in production.
          formatError: createGraphqlErrorFormatter({
            exposeDetails: !production,
            // The global strapi: this config is read before the app object exists.
            log: (line) => strapi.log.error(line),
          }),
          // The plugin otherwise adds its own CORS allowing every origin; strapi::cors (CORS_ORIGINS) governs.
          cors: false,
          // Automatic persisted queries are Apollo's own (on by default); only their store is ours: Redis
          // (shared by instances) with REDIS_URL, a bounded LRU otherwise (src/graphql/persisted-queries.ts).
          persistedQueries: persistedQueryOptions({ ...graphql.persistedQueries, redisUrl: cache.redisUrl, redisPrefix: cache.redisPrefix }),
          // Same body limit as REST (REQUEST_BODY_LIMIT); an oversized query is a 413, not parsed.
          bodyParserConfig: { jsonLimit: http.bodyLimit, enableTypes: ['json'] },
        },
      },
    },
  };
};
