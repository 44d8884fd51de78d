import type { Core } from '@strapi/strapi';
import { secret } from '../src/env/secrets';
import { httpSettings } from '../src/domain/http/settings';
import { amountLimitRule } from '../src/graphql/amount-limit';
import { cacheTagsPlugin } from '../src/graphql/cache-tags';
import { createGraphqlErrorFormatter } from '../src/graphql/format-error';
import { argumentValidationPlugin } from '../src/validation/strapi/graphql';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const amountLimit = env.int('GRAPHQL_AMOUNT_LIMIT', 250);
  const http = httpSettings(process.env);
  return {
    'users-permissions': {
      config: {
        jwtSecret: secret('JWT_SECRET'),
        jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The plugin's defaults are unbounded (maxLimit -1, no depth limit); a public endpoint needs all three.
        // Deep enough for article -> quotes -> speaker -> affiliation with pagination wrappers.
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
        // Strapi 5's plugin documents but no longer enforces amountLimit; amountLimitRule does, below.
        amountLimit,
        defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
        maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
        landingPage: env.bool('GRAPHQL_LANDING_PAGE', env('NODE_ENV') !== 'production'),
        apolloServer: {
          introspection: env.bool('GRAPHQL_INTROSPECTION', true),
          // Apollo adds stack traces outside production; a public API shows none, in any environment.
          includeStacktraceInErrorResponses: false,
          // The plugin concatenates these arrays onto its own depth-limit rule and plugins.
          validationRules: [amountLimitRule(amountLimit)],
          // Arguments are checked before an operation runs (src/validation/strapi/graphql.ts).
          plugins: [argumentValidationPlugin(), cacheTagsPlugin],
          // Strapi's errors mapped to codes as the plugin does; anything unexpected masked in production.
          formatError: createGraphqlErrorFormatter({
            exposeDetails: env('NODE_ENV') !== 'production',
            // The global strapi: this config is read before the app object exists.
            log: (line) => strapi.log.error(line),
          }),
          // The plugin otherwise adds its own CORS allowing every origin; strapi::cors (CORS_ORIGINS) governs.
          cors: false,
          // Same body limit as REST (REQUEST_BODY_LIMIT); an oversized query is a 413, not parsed.
          bodyParserConfig: { jsonLimit: http.bodyLimit, enableTypes: ['json'] },
        },
      },
    },
  };
};
