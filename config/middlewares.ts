import type { Core } from '@strapi/strapi';
import { ALLOWED_REQUEST_HEADERS, EXPOSED_HEADERS } from '../src/settings/http';
import { settings } from '../src/settings';

export default (): Core.Config.Middlewares => {
  // Limits, origins and headers come from the environment (docs/security.md); a bad value stops the boot.
  const { http, production } = settings();
  return [
    'strapi::logger',
    'strapi::errors',
    // Database away -> 503 with Retry-After; a query the database refused because of its parameters -> 400.
    // Unexpected errors -> 500 with an error id, details only outside production (src/errors/masking.ts).
    { resolve: './src/errors/middleware', config: { bodyLimit: http.bodyLimit, exposeDetails: !production } },
    {
      name: 'strapi::security',
      config: {
        hsts: http.hstsMaxAgeSeconds > 0 ? { maxAge: http.hstsMaxAgeSeconds, includeSubDomains: true } : false,
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            // Strapi's defaults plus the media CDN the uploads are served from, if any.
            'img-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', ...http.cspMediaSources],
            'media-src': ["'self'", 'data:', 'blob:', ...http.cspMediaSources],
            upgradeInsecureRequests: null,
          },
        },
        referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      },
    },
    // src/cache/http-fast-path.ts answers cached reads with the same origins (it cannot store them per origin).
    { name: 'strapi::cors', config: { origin: http.corsOrigins, expose: EXPOSED_HEADERS, headers: ALLOWED_REQUEST_HEADERS } },
    // No strapi::poweredBy: naming the stack to the world helps nobody but an attacker.
    'strapi::query',
    // Rejects `?locale=` values that are not configured, before any controller turns them into a 500 or an empty page.
    { resolve: './src/validation/strapi/locale-middleware' },
    { name: 'strapi::body', config: { jsonLimit: http.bodyLimit, formLimit: http.bodyLimit, textLimit: http.bodyLimit } },
    // Admin logins and changes to users, roles, tokens and settings, recorded once answered (src/audit-log/).
    { resolve: './src/audit-log/middleware' },
    // Reads GraphQL bodies (strapi::body skips them) under the same limit, refuses documents the plugin would crash on.
    { resolve: './src/graphql/body-middleware', config: { bodyLimit: http.bodyLimit } },
    // After body parsing (GraphQL queries are keyed by their body), before the session and routes.
    // Cached REST reads never get this far: src/cache/http-fast-path.ts answers them.
    { resolve: './src/cache/middleware' },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
